/**
 * The membership plugin's events. Types only: safe to import anywhere (other plugins import them
 * from `@mallkit/plugin-membership/events` to emit `membership.points-requested`).
 */

/** Which ledger an entry is in and why it was written. */
export type PointsEntryKind =
  | 'earn'
  | 'reverse'
  | 'check-in'
  | 'registration'
  | 'birthday'
  | 'redeem'
  | 'return'
  | 'expire'
  | 'adjust'
  | 'award'
  | 'deduct'

/**
 * Other plugins award or deduct points by emitting this: applied inline, in the emitting
 * transaction (a deduction beyond the balance fails it with `membership:insufficient_points`).
 * Emitting again with the same `key` changes nothing more. Nothing happens while membership is
 * off for the mall: check `ctx.isEnabled('membership')` when that matters.
 */
export interface PointsRequested {
  customerId: string
  /** Positive awards, negative deducts. */
  points: number
  /** The emitter's unique name for this change, `<plugin id>:<what>:<id>` (`lucky-wheel:spin:…`). */
  key: string
  reason: string
}

/**
 * A reviews or community plugin emits this when a customer's review or buyer show (晒单) is
 * published: membership awards the mall's points for it (`points.review`, `points.buyerShow`),
 * once per `reviewId`, at most `points.reviewDailyCap` rewards a day in the mall's timezone. The
 * payload has no rating and no text on purpose: the reward never depends on them (BRIEF §6).
 * Handled after commit (at least once; idempotent by `reviewId`).
 */
export interface ReviewPublished {
  customerId: string
  /** The emitter's unique id of the review, `<plugin id>:<id>` (`community:post:…`). */
  reviewId: string
  kind: 'review' | 'buyer-show'
}

/** A customer's points balance changed (one ledger entry). */
export interface PointsChanged {
  customerId: string
  entryId: string
  kind: PointsEntryKind
  delta: number
  balance: number
}

/** A customer moved to another tier (`from` is null for the first tier ever). */
export interface TierChanged {
  customerId: string
  from: string | null
  to: string
  direction: 'up' | 'down'
}

/** A customer's paid member card ends in `remindDaysBefore` days: time to remind them to renew. */
export interface CardExpiring {
  customerId: string
  endsAt: string
}

declare module '../../../core/src/events/events.ts' {
  interface MallEvents {
    'membership.points-requested': PointsRequested
    'membership.review-published': ReviewPublished
    'membership.points-changed': PointsChanged
    'membership.tier-changed': TierChanged
    'membership.card-expiring': CardExpiring
  }
}
