import { pluginDb, type MallContext } from '@mallkit/core/plugin'
import { sql } from 'kysely'
import { manifest } from '../manifest.ts'
import { addDays, dayIn, daysBetween } from './calendar.ts'
import { membershipError } from './errors.ts'
import { lockAccount, post } from './ledger.ts'
import type { MembershipTables } from './tables.ts'

/** The customer's check-in days (newest first), at most a year back from `until`. */
async function checkedDays(ctx: MallContext, customerId: string, until: string) {
  const rows = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__check_in')
    .select([sql<string>`day::text`.as('day'), 'made_up', 'points'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where(sql<boolean>`day <= ${until}::date`)
    .where(sql<boolean>`day > ${addDays(until, -400)}::date`)
    .orderBy('day', 'desc')
    .execute()
  return rows
}

/** Consecutive checked-in days ending on `day` (0 when `day` is not checked in). */
function streakEnding(days: ReadonlySet<string>, day: string): number {
  let streak = 0
  while (days.has(addDays(day, -streak))) streak += 1
  return streak
}

/** Make-ups used in the calendar month of `day`. */
async function makeUpsIn(ctx: MallContext, customerId: string, day: string) {
  const row = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__check_in')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where('made_up', '=', true)
    .where(
      sql<boolean>`to_char(created_at at time zone ${ctx.tenant.timezone}, 'YYYY-MM') = ${day.slice(0, 7)}`,
    )
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface CheckInResult {
  day: string
  streak: number
  points: number
  bonus: number
}

/**
 * Checks the customer in for today, in the mall's timezone: the day's points, plus the streak
 * bonus every `streakDays` consecutive days. Once per day (409 `membership:already_checked_in`),
 * under the account lock so two taps at once give one check-in.
 */
export async function checkIn(ctx: MallContext, customerId: string): Promise<CheckInResult> {
  const settings = (await ctx.settingsOf(manifest)).checkIn
  const today = dayIn(ctx.now(), ctx.tenant.timezone)
  await lockAccount(ctx, customerId)
  const days = new Set((await checkedDays(ctx, customerId, today)).map((d) => d.day))
  if (days.has(today)) throw membershipError('already_checked_in', `Already checked in on ${today}`)
  days.add(today)
  const streak = streakEnding(days, today)
  const bonus = streak % settings.streakDays === 0 ? settings.streakBonus : 0
  const points = settings.points + bonus
  await pluginDb<MembershipTables>(ctx)
    .insertInto('membership__check_in')
    .values({
      tenant_id: ctx.tenant.id,
      customer_id: customerId,
      day: today,
      points,
      created_at: ctx.now(),
    })
    .execute()
  if (points > 0)
    await post(ctx, 'points', {
      customerId,
      kind: 'check-in',
      delta: points,
      key: `check-in:${today}`,
      reason: bonus ? `Check-in ${today}, ${streak}-day streak` : `Check-in ${today}`,
    })
  return { day: today, streak, points, bonus }
}

/**
 * Makes up a missed day within the last `makeUpWithinDays` (not today), at most `makeUpPerMonth`
 * times a calendar month, for `makeUpCost` points: the day counts for streaks from then on and
 * earns the day's points (no streak bonus is paid after the fact).
 */
export async function makeUp(
  ctx: MallContext,
  customerId: string,
  day: string,
): Promise<CheckInResult> {
  const settings = (await ctx.settingsOf(manifest)).checkIn
  const today = dayIn(ctx.now(), ctx.tenant.timezone)
  const refuse = (message: string) =>
    membershipError('make_up_refused', `${day}: ${message}`, {
      errors: [{ field: 'body.day', message }],
    })
  const ago = daysBetween(day, today)
  if (ago < 1) throw refuse('only past days can be made up')
  if (ago > settings.makeUpWithinDays)
    throw refuse(`only the last ${settings.makeUpWithinDays} days`)
  await lockAccount(ctx, customerId)
  const days = new Set((await checkedDays(ctx, customerId, today)).map((d) => d.day))
  if (days.has(day)) throw membershipError('already_checked_in', `Already checked in on ${day}`)
  if ((await makeUpsIn(ctx, customerId, today)) >= settings.makeUpPerMonth)
    throw refuse(`at most ${settings.makeUpPerMonth} make-ups a month`)
  if (settings.makeUpCost > 0)
    await post(ctx, 'points', {
      customerId,
      kind: 'check-in',
      delta: -settings.makeUpCost,
      key: `make-up:${day}`,
      reason: `Make-up of ${day}`,
    })
  await pluginDb<MembershipTables>(ctx)
    .insertInto('membership__check_in')
    .values({
      tenant_id: ctx.tenant.id,
      customer_id: customerId,
      day,
      made_up: true,
      points: settings.points,
      created_at: ctx.now(),
    })
    .execute()
  if (settings.points > 0)
    await post(ctx, 'points', {
      customerId,
      kind: 'check-in',
      delta: settings.points,
      key: `check-in:${day}`,
      reason: `Check-in ${day} (made up)`,
    })
  days.add(day)
  return { day, streak: streakEnding(days, day), points: settings.points, bonus: 0 }
}

/** The check-in calendar of a month (`YYYY-MM`), today, the running streak and make-ups left. */
export async function calendar(ctx: MallContext, customerId: string, month?: string) {
  const settings = (await ctx.settingsOf(manifest)).checkIn
  const today = dayIn(ctx.now(), ctx.tenant.timezone)
  const rows = await checkedDays(ctx, customerId, today)
  const days = new Set(rows.map((d) => d.day))
  const shown = month ?? today.slice(0, 7)
  return {
    month: shown,
    today,
    checkedInToday: days.has(today),
    // A streak is still alive until a day is missed: yesterday's counts until today ends.
    streak: streakEnding(days, today) || streakEnding(days, addDays(today, -1)),
    makeUpsLeft: Math.max(0, settings.makeUpPerMonth - (await makeUpsIn(ctx, customerId, today))),
    days: rows
      .filter((d) => d.day.startsWith(shown))
      .map((d) => ({ day: d.day, madeUp: d.made_up, points: d.points }))
      .reverse(),
  }
}
