import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedCustomers } from '../../../core/src/commerce/orders/testing.ts'
import type { ReviewPublished } from '../src/events.ts'
import { rewardReview } from '../src/server/reviews.ts'
import { membershipMall, type MembershipMall } from './support.ts'

let m: MembershipMall

beforeAll(async () => {
  // Shanghai: the mall's day turns at 16:00 UTC.
  m = await membershipMall('member-reviews', { timezone: 'Asia/Shanghai' })
  m.core.clock.set('2026-05-10T02:00:00Z')
}, 120_000)
afterAll(() => m?.close())

async function customer() {
  const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
  return c!.id
}

/** Emits what a reviews plugin would, and lets the worker run the after-commit hooks. */
async function publish(...reviews: ReviewPublished[]) {
  await m.run(async (ctx) => {
    for (const review of reviews) await ctx.emit('membership.review-published', review)
  })
  await m.core.worker.drain()
}

const reviewPoints = async (customerId: string) =>
  (await m.rows('membership__points_entry'))
    .filter((e) => e.customer_id === customerId && e.idempotency_key.startsWith('review:'))
    .map((e) => [e.reason, e.delta])

describe('points for reviews and buyer shows (membership.review-published)', () => {
  it('awards the mall’s points per review and per buyer show, once per review', async () => {
    const id = await customer()
    await publish(
      { customerId: id, reviewId: 'reviews:1', kind: 'review' },
      { customerId: id, reviewId: 'reviews:1', kind: 'review' },
      { customerId: id, reviewId: 'reviews:2', kind: 'buyer-show' },
    )
    expect(await reviewPoints(id)).toEqual([
      ['review', 10],
      ['buyer-show', 20],
    ])
    // Delivered again on a later day (the outbox is at least once): still nothing more.
    m.core.clock.set('2026-05-12T02:00:00Z')
    await publish({ customerId: id, reviewId: 'reviews:1', kind: 'review' })
    expect(await reviewPoints(id)).toHaveLength(2)
    m.core.clock.set('2026-05-10T02:00:00Z')
  })

  it('rewards at most the daily cap, counted in the mall’s day', async () => {
    await m.settings({ points: { reviewDailyCap: 2 } })
    const id = await customer()
    m.core.clock.set('2026-05-10T15:58:00Z')
    await publish(
      ...[1, 2, 3].map((n): ReviewPublished => ({
        customerId: id,
        reviewId: `reviews:cap-${n}`,
        kind: 'review',
      })),
    )
    expect(await reviewPoints(id)).toHaveLength(2)
    // 16:01 UTC is the next day in Shanghai.
    m.core.clock.set('2026-05-10T16:01:00Z')
    await publish({ customerId: id, reviewId: 'reviews:cap-4', kind: 'review' })
    expect(await reviewPoints(id)).toHaveLength(3)
    m.core.clock.set('2026-05-10T02:00:00Z')
    await m.settings({ points: { reviewDailyCap: 5 } })
  })

  it('awards once when one review is delivered on several connections at once', async () => {
    const id = await customer()
    const review: ReviewPublished = { customerId: id, reviewId: 'reviews:race', kind: 'review' }
    const awarded = await Promise.all(
      Array.from({ length: 8 }, () => m.run((ctx) => rewardReview(ctx, review))),
    )
    expect(awarded.filter((points) => points > 0)).toEqual([10])
    expect(await reviewPoints(id)).toHaveLength(1)
  })

  it('awards nothing when the mall sets the reward to 0', async () => {
    await m.settings({ points: { review: 0 } })
    const id = await customer()
    await publish({ customerId: id, reviewId: 'reviews:off', kind: 'review' })
    expect(await reviewPoints(id)).toEqual([])
    await m.settings({ points: { review: 10 } })
  })
})
