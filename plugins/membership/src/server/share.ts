import { z } from '@hono/zod-openapi'
import { escapeLike, type MallContext } from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'
import { dayIn } from './calendar.ts'
import { awardsKeyedLike, entryByKey, lockAccount, post } from './ledger.ts'

/**
 * A path inside the mall (`/products/<id>`, `/member`), as shared. The query and fragment are
 * dropped, so `?ref=…` links of one page count as one page.
 */
export const SharedPath = z
  .string()
  .trim()
  .min(1)
  .max(180)
  .regex(/^\/[^\s]*$/, 'a path inside the mall, starting with /')

/** Why a share earned what it did. */
export const ShareOutcome = z.enum(['awarded', 'off', 'already-shared', 'daily-cap'])

/** What a share earned, and how many more shares earn points today. */
export const ShareView = z
  .object({
    /** Points awarded for this share (0 when off, already shared today or over the daily cap). */
    points: z.number().int(),
    outcome: ShareOutcome,
    path: z.string(),
    /** The mall's day (its timezone) the share counted on. */
    day: z.string(),
    /** Shares that still earn points today. */
    sharesLeft: z.number().int(),
  })
  .openapi('MembershipShare')
export type ShareView = z.infer<typeof ShareView>

/** The page a path names: no query or fragment, no trailing slash (but the root's). */
export function sharedPage(path: string): string {
  const bare = path.replace(/[?#].*$/, '')
  return bare.length > 1 ? bare.replace(/\/+$/, '') || '/' : '/'
}

const KEY_PREFIX = 'share:'

/**
 * Awards the share points (`points.share`, 0 by default: off) for sharing `path`: once per page
 * per day and at most `points.shareDailyCap` shares a day, days in the mall's timezone. The entry
 * is keyed `share:<day>:<page>` through `post()`, and the cap is counted under the account lock,
 * so concurrent shares of one page award once and a burst never passes the cap.
 */
export async function awardShare(
  ctx: MallContext,
  customerId: string,
  path: string,
): Promise<ShareView> {
  const { points } = await ctx.settingsOf(manifest)
  // Settings saved before sharing existed get the schema's defaults (off) when parsed.
  const perShare = points.share
  const cap = points.shareDailyCap
  const page = sharedPage(path)
  const day = dayIn(ctx.now(), ctx.tenant.timezone)
  const answer = (given: number, outcome: ShareView['outcome'], used: number): ShareView => ({
    points: given,
    outcome,
    path: page,
    day,
    sharesLeft: perShare > 0 ? Math.max(0, cap - used) : 0,
  })
  if (perShare === 0 || cap === 0) return answer(0, 'off', 0)

  await lockAccount(ctx, customerId)
  const key = `${KEY_PREFIX}${day}:${page}`
  const used = await awardsKeyedLike(ctx, customerId, `${escapeLike(`${KEY_PREFIX}${day}:`)}%`)
  if (await entryByKey(ctx, 'points', customerId, key)) return answer(0, 'already-shared', used)
  if (used >= cap) return answer(0, 'daily-cap', used)
  const posted = await post(ctx, 'points', {
    customerId,
    kind: 'award',
    delta: perShare,
    key,
    // The history block names entries with this reason "Shared a page".
    reason: `share ${page}`,
  })
  return posted.created ? answer(perShare, 'awarded', used + 1) : answer(0, 'already-shared', used)
}
