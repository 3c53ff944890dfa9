import { MallError, pluginDb, type MallContext } from '@mallkit/core/plugin'
import { sql } from 'kysely'
import './coupon-requests.ts'
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
 * Gives the tier's birthday coupon through the coupons plugin (`coupons.issue-requested`, keyed by
 * customer and year, so a second run issues nothing more). A savepoint keeps a refusal (sold out,
 * not live, coupons off) from touching the points: it is logged and skipped, and not tried again
 * once the year's points were given.
 */
async function grantBirthdayCoupon(
  ctx: MallContext,
  customerId: string,
  templateId: string,
  year: number,
): Promise<boolean> {
  if (!(await ctx.isEnabled('coupons'))) {
    ctx.log.info({ customerId, templateId, year }, 'birthday coupon skipped: coupons is off')
    return false
  }
  await sql`savepoint birthday_coupon`.execute(ctx.db)
  try {
    await ctx.emit('coupons.issue-requested', {
      templateId,
      customerId,
      requestKey: `membership:birthday:${customerId}:${year}`,
    })
    await sql`release savepoint birthday_coupon`.execute(ctx.db)
    return true
  } catch (error) {
    if (!(error instanceof MallError)) throw error
    await sql`rollback to savepoint birthday_coupon`.execute(ctx.db)
    ctx.log.warn(
      { customerId, templateId, year, code: error.problemCode, detail: error.message },
      'birthday coupon refused',
    )
    return false
  }
}

/**
 * The daily birthday job: everyone whose birthday is today in the mall's timezone gets their
 * tier's birthday points and coupon, once per year (the points entry is keyed by the year, and
 * the coupon is tried with it, so running the job every hour, or again after a failure, gives
 * nothing more). A tier with a coupon and no points tries the coupon on each run of the day,
 * keyed by the year. 29 February birthdays are celebrated on 28 February in other years. Returns
 * how many customers got a gift.
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
    const tier = tierOf(settings, account.tier)
    let created = false
    if (tier.birthdayPoints > 0)
      ({ created } = await post(ctx, 'points', {
        customerId: account.customer_id,
        kind: 'birthday',
        delta: tier.birthdayPoints,
        key: `birthday:${year}`,
        reason: `Happy birthday ${year}`,
      }))
    const couponDue = tier.birthdayCouponId && (created || tier.birthdayPoints <= 0)
    if (
      couponDue &&
      (await grantBirthdayCoupon(ctx, account.customer_id, tier.birthdayCouponId, year))
    )
      created = true
    if (created) granted += 1
  }
  return granted
}
