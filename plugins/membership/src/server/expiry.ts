import { pluginDb, type MallContext } from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'
import { yearIn } from './calendar.ts'
import { lockAccount, post } from './ledger.ts'
import type { MembershipTables } from './tables.ts'

/**
 * Expires what is left of the points credited in years up to two before the current one (mall's
 * timezone): points of a year expire at the end of the next. Spending is first-in first-out, so
 * what is left of those years is their credits less every debit so far (earlier expiries
 * included), at most the balance. Written as one `expire` entry keyed by the year, so running it
 * again (the daily job, a retry) takes nothing more. Returns the points expired.
 */
export async function expirePoints(ctx: MallContext, customerId: string): Promise<number> {
  const settings = await ctx.settingsOf(manifest)
  if (!settings.points.expire) return 0
  const lastExpiredYear = yearIn(ctx.now(), ctx.tenant.timezone) - 2
  const account = await lockAccount(ctx, customerId)
  if (account.points === 0) return 0
  const sums = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__points_entry')
    .select((eb) => [
      eb.fn
        .coalesce(
          eb.fn.sum<number>(
            eb
              .case()
              .when(eb.and([eb('delta', '>', 0), eb('year', '<=', lastExpiredYear)]))
              .then(eb.ref('delta'))
              .else(0)
              .end(),
          ),
          eb.lit(0),
        )
        .as('credits'),
      eb.fn
        .coalesce(
          eb.fn.sum<number>(
            eb
              .case()
              .when('delta', '<', 0)
              .then(eb.neg(eb.ref('delta')))
              .else(0)
              .end(),
          ),
          eb.lit(0),
        )
        .as('debits'),
    ])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow()
  const left = Math.min(account.points, Math.max(0, Number(sums.credits) - Number(sums.debits)))
  if (left === 0) return 0
  const { created, entry } = await post(ctx, 'points', {
    customerId,
    kind: 'expire',
    delta: -left,
    key: `expire:${lastExpiredYear}`,
    reason: `Points of ${lastExpiredYear} and before expired`,
  })
  return created ? -(entry?.delta ?? 0) : 0
}

/** Expires points of every account holding some (the daily job). */
export async function expireAllPoints(ctx: MallContext): Promise<number> {
  const holders = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__account')
    .select('customer_id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('points', '>', 0)
    .execute()
  let expired = 0
  for (const { customer_id } of holders) expired += await expirePoints(ctx, customer_id)
  return expired
}
