import { escapeLike, type MallContext } from '@mallkit/core/plugin'
import type { ReviewPublished } from '../events.ts'
import { manifest } from '../manifest.ts'
import { dayIn } from './calendar.ts'
import { awardsKeyedLike, lockAccount, post } from './ledger.ts'

const KEY_PREFIX = 'review:'

/**
 * Awards the points for a published review or buyer show (`membership.review-published`): the
 * mall's `points.review` or `points.buyerShow`, whatever the review says (the event carries no
 * rating), once per review and at most `points.reviewDailyCap` a day in the mall's timezone.
 * Entries are keyed `review:<day>:<review id>`; both checks run under the account lock, so a
 * redelivered event, even on another day, awards nothing more. Returns the points awarded.
 */
export async function rewardReview(ctx: MallContext, review: ReviewPublished): Promise<number> {
  const { points } = await ctx.settingsOf(manifest)
  const amount = review.kind === 'buyer-show' ? points.buyerShow : points.review
  const cap = points.reviewDailyCap
  if (amount === 0 || cap === 0) return 0
  await lockAccount(ctx, review.customerId)
  const day = dayIn(ctx.now(), ctx.tenant.timezone)
  const rewarded = (pattern: string) => awardsKeyedLike(ctx, review.customerId, pattern)
  if ((await rewarded(`${escapeLike(KEY_PREFIX)}%:${escapeLike(review.reviewId)}`)) > 0) return 0
  if ((await rewarded(`${escapeLike(`${KEY_PREFIX}${day}:`)}%`)) >= cap) return 0
  const posted = await post(ctx, 'points', {
    customerId: review.customerId,
    kind: 'award',
    delta: amount,
    key: `${KEY_PREFIX}${day}:${review.reviewId}`,
    // The history block names entries with this reason ("Review" / "Buyer show").
    reason: review.kind,
  })
  return posted.created ? amount : 0
}
