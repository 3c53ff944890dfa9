import { pluginDb, type MallContext } from '@mallkit/core/plugin'
import { sql } from 'kysely'
import { manifest } from '../manifest.ts'
import { dayIn } from './calendar.ts'
import { membershipError } from './errors.ts'
import { lockAccount, post } from './ledger.ts'
import type { MembershipTables } from './tables.ts'
import { tierOf } from './tiers.ts'

/** The customer's birthday, `YYYY-MM-DD`, or null when not given. */
export async function birthdayOf(ctx: MallContext, customerId: string): Promise<string | null> {
  const row = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__account')
    .select(sql<string | null>`birthday::text`.as('birthday'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .executeTakeFirst()
  return row?.birthday ?? null
}

/**
 * Sets the customer's birthday. Customers set it once (a birthday that can be moved is a gift
 * every week); staff may correct it (`byStaff`).
 */
export async function setBirthday(
  ctx: MallContext,
  customerId: string,
  birthday: string,
  byStaff = false,
): Promise<void> {
  await lockAccount(ctx, customerId)
  if (!byStaff && (await birthdayOf(ctx, customerId)) !== null)
    throw membershipError(
      'birthday_set',
      'Your birthday is already set; ask the mall to correct it',
      {
        errors: [{ field: 'body.birthday', message: 'already set' }],
      },
    )
  await pluginDb<MembershipTables>(ctx)
    .updateTable('membership__account')
    .set({ birthday, updated_at: ctx.now() })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .execute()
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * The daily birthday job: everyone whose birthday is today in the mall's timezone gets their
 * tier's birthday points, once per year (the entry is keyed by the year, so running it every
 * hour, or again after a failure, gives nothing more). 29 February birthdays are celebrated on
 * 28 February in other years. Returns how many customers got a gift.
 */
export async function grantBirthdays(ctx: MallContext): Promise<number> {
  const settings = await ctx.settingsOf(manifest)
  const today = dayIn(ctx.now(), ctx.tenant.timezone)
  const year = Number(today.slice(0, 4))
  const monthDay = today.slice(5)
  const celebrated = monthDay === '02-28' && !isLeap(year) ? ['02-28', '02-29'] : [monthDay]
  const due = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__account')
    .select(['customer_id', 'tier'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where(sql<string>`to_char(birthday, 'MM-DD')`, 'in', celebrated)
    .execute()
  let granted = 0
  for (const account of due) {
    const points = tierOf(settings, account.tier).birthdayPoints
    if (points <= 0) continue
    const { created } = await post(ctx, 'points', {
      customerId: account.customer_id,
      kind: 'birthday',
      delta: points,
      key: `birthday:${year}`,
      reason: `Happy birthday ${year}`,
    })
    if (created) granted += 1
  }
  return granted
}
