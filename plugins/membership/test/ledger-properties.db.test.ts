import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedCustomers } from '../../../core/src/commerce/orders/testing.ts'
import type { MallContext } from '../../../core/src/context.ts'
import { MallError } from '../../../core/src/http/errors.ts'
import { expirePoints } from '../src/server/expiry.ts'
import { post, type LedgerName } from '../src/server/ledger.ts'
import { takeForOrder, undoForOrder } from '../src/server/order-ledger.ts'
import { membershipMall, type MembershipMall } from './support.ts'

/**
 * Acceptance 1 of issue 7: over random interleavings of earn, spend, expire, refund and adjust,
 * fired concurrently in batches with repeated idempotency keys, on PGlite and (as a `.db.test`)
 * on PostgreSQL with real parallel transactions, every balance equals the sum of its entries,
 * never goes negative, and each key takes effect once.
 */

const customerCount = 3
const Op = fc.oneof(
  fc.record({
    op: fc.constant('earn' as const),
    ledger: fc.constantFrom<'points' | 'balance'>('points', 'balance'),
    who: fc.nat(customerCount - 1),
    key: fc.nat(5),
    amount: fc.integer({ min: 1, max: 500 }),
  }),
  fc.record({
    op: fc.constant('spend' as const),
    ledger: fc.constantFrom<'points' | 'balance'>('points', 'balance'),
    who: fc.nat(customerCount - 1),
    order: fc.nat(5),
    amount: fc.integer({ min: 1, max: 800 }),
  }),
  fc.record({
    op: fc.constant('refund' as const),
    ledger: fc.constantFrom<'points' | 'balance'>('points', 'balance'),
    who: fc.nat(customerCount - 1),
    order: fc.nat(5),
    refund: fc.nat(3),
    /** Percent of the order refunded; 100 is a full refund. */
    percent: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({
    op: fc.constant('adjust' as const),
    ledger: fc.constantFrom<LedgerName>('points', 'balance', 'growth'),
    who: fc.nat(customerCount - 1),
    key: fc.nat(5),
    delta: fc.integer({ min: -600, max: 600 }).filter((d) => d !== 0),
  }),
  fc.record({ op: fc.constant('expire' as const), who: fc.nat(customerCount - 1) }),
)
type Op = typeof Op extends fc.Arbitrary<infer T> ? T : never

/** Batches run one after another, the operations of a batch all at once; time moves between. */
const Script = fc.array(
  fc.record({ ops: fc.array(Op, { minLength: 1, maxLength: 8 }), days: fc.nat(400) }),
  { minLength: 1, maxLength: 5 },
)

let m: MembershipMall
let run = 0

beforeAll(async () => {
  m = await membershipMall('ledger-props')
}, 120_000)
afterAll(() => m?.close())

/** What an operation did: its key in its ledger, and whether it took effect or was refused. */
interface Outcome {
  ledger: LedgerName
  customerId: string
  key: string
  requested: number
  ok: boolean
}

async function apply(op: Op, customers: string[], prefix: string): Promise<Outcome[]> {
  const customerId = customers[op.who] as string
  const attempt = async (
    ledger: LedgerName,
    key: string,
    requested: number,
    work: (ctx: MallContext) => Promise<unknown>,
  ) => {
    try {
      await m.run(work)
      return [{ ledger, customerId, key, requested, ok: true }]
    } catch (error) {
      // Refusals (not enough points) are answers; anything else fails the property.
      if (!(error instanceof MallError)) throw error
      return [{ ledger, customerId, key, requested, ok: false }]
    }
  }
  const orderId = (n: number) =>
    `00000000-0000-4000-8000-${(run * 1000 + n).toString().padStart(12, '0')}`
  switch (op.op) {
    case 'earn':
      return attempt(op.ledger, `${prefix}earn-${op.key}`, op.amount, (ctx) =>
        post(ctx, op.ledger, {
          customerId,
          kind: op.ledger === 'points' ? 'earn' : 'top-up',
          delta: op.amount,
          key: `${prefix}earn-${op.key}`,
        }),
      )
    case 'spend':
      return attempt(op.ledger, `order:${orderId(op.order)}:take`, -op.amount, (ctx) =>
        takeForOrder(ctx, op.ledger, { customerId, orderId: orderId(op.order), amount: op.amount }),
      )
    case 'refund': {
      const order = orderId(op.order)
      const key = `refund:${prefix}${op.refund}:${op.ledger}`
      return attempt(op.ledger, key, 0, (ctx) =>
        undoForOrder(
          ctx,
          op.ledger === 'points'
            ? { ledger: 'points', of: 'redeem', undo: 'return' }
            : { ledger: 'balance', of: 'pay', undo: 'return' },
          {
            customerId,
            orderId: order,
            key,
            share: op.percent === 100 ? undefined : { amount: op.percent, total: 100 },
          },
        ),
      )
    }
    case 'adjust':
      return attempt(op.ledger, `${prefix}adjust-${op.key}`, op.delta, (ctx) =>
        post(ctx, op.ledger, {
          customerId,
          kind: 'adjust',
          delta: op.delta,
          key: `${prefix}adjust-${op.key}`,
          reason: 'property test',
        }),
      )
    case 'expire':
      return attempt('points', 'expire', 0, (ctx) => expirePoints(ctx, customerId))
  }
}

describe('points and balance ledgers', () => {
  it('keep every balance equal to the sum of its entries, never negative, each key once', async () => {
    await fc.assert(
      fc.asyncProperty(Script, async (script) => {
        run += 1
        const customers = (await seedCustomers(m.core.services, m.mall.id, customerCount)).map(
          (c) => c.id,
        )
        const prefix = `r${run}:`
        const outcomes: Outcome[] = []
        for (const batch of script) {
          // Each operation twice: the second is a retry racing the first with the same key.
          const fired = batch.ops.flatMap((op) => [op, op])
          for (const result of await Promise.all(fired.map((op) => apply(op, customers, prefix))))
            outcomes.push(...result)
          m.core.clock.advance(batch.days * 86_400_000)
        }

        const accounts = (await m.rows('membership__account')).filter((a) =>
          customers.includes(a.customer_id),
        )
        for (const ledger of ['points', 'balance', 'growth'] as const) {
          const table = `membership__${ledger}_entry` as const
          const entries = (await m.rows(table)).filter((e) => customers.includes(e.customer_id))
          for (const customerId of customers) {
            const mine = entries.filter((e) => e.customer_id === customerId)
            const sum = mine.reduce((total, e) => total + e.delta, 0)
            const cached = accounts.find((a) => a.customer_id === customerId)?.[ledger] ?? 0
            // The balance is the sum of its entries, and never negative at any entry.
            expect(cached).toBe(sum)
            expect(sum).toBeGreaterThanOrEqual(0)
            for (const e of mine) expect(e.balance).toBeGreaterThanOrEqual(0)
            // The running balances chain: each is the one before plus its delta.
            const balances = new Set([0, ...mine.map((e) => e.balance)])
            for (const e of mine) expect(balances.has(e.balance - e.delta)).toBe(true)
            if (mine.length) expect(mine.some((e) => e.balance === cached)).toBe(true)
            // Each key took effect at most once.
            const keys = mine.map((e) => e.idempotency_key)
            expect(new Set(keys).size).toBe(keys.length)
          }
          // A key whose request succeeded took effect with one of the amounts asked under it;
          // a key every request of which was refused wrote nothing.
          for (const o of outcomes.filter((o) => o.ledger === ledger && o.requested !== 0)) {
            const entry = entries.find(
              (e) => e.customer_id === o.customerId && e.idempotency_key === o.key,
            )
            const asked = outcomes.filter(
              (x) => x.ledger === ledger && x.customerId === o.customerId && x.key === o.key,
            )
            if (o.ok && !(ledger === 'growth' && o.requested < 0))
              expect(asked.map((x) => x.requested)).toContain(entry?.delta)
            if (asked.every((x) => !x.ok)) expect(entry).toBeUndefined()
          }
        }
        // An order never gets back more than it took.
        for (const ledger of ['points', 'balance'] as const) {
          const entries = (await m.rows(`membership__${ledger}_entry`)).filter(
            (e) => customers.includes(e.customer_id) && e.order_id,
          )
          for (const orderId of new Set(entries.map((e) => e.order_id)))
            expect(
              entries.filter((e) => e.order_id === orderId).reduce((t, e) => t + e.delta, 0),
            ).toBeLessThanOrEqual(0)
        }
      }),
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
    )
  }, 120_000)

  it('expires what is left of a year at the end of the next, spending the oldest first', async () => {
    m.core.clock.set('2030-03-01T04:00:00Z')
    const [customer] = await seedCustomers(m.core.services, m.mall.id, 1)
    const id = customer!.id
    const credit = (key: string, delta: number) =>
      m.run((ctx) => post(ctx, 'points', { customerId: id, kind: 'earn', delta, key }))
    await credit('y2030', 300)
    m.core.clock.set('2031-06-01T04:00:00Z')
    await credit('y2031', 200)
    await m.run((ctx) =>
      takeForOrder(ctx, 'points', {
        customerId: id,
        orderId: '00000000-0000-4000-8000-000000000001',
        amount: 100,
      }),
    )
    // Still 2031: nothing of 2030 has expired yet.
    expect(await m.run((ctx) => expirePoints(ctx, id))).toBe(0)
    // 2032-01-01 in Shanghai is still 2031-12-31 in UTC: the mall's calendar decides.
    m.core.clock.set('2031-12-31T16:30:00Z')
    expect(await m.run((ctx) => expirePoints(ctx, id))).toBe(200)
    expect(await m.run((ctx) => expirePoints(ctx, id))).toBe(0)
    const account = (await m.rows('membership__account')).find((a) => a.customer_id === id)
    expect(account?.points).toBe(200)
    m.core.clock.set('2033-01-01T00:00:00Z')
    expect(await m.run((ctx) => expirePoints(ctx, id))).toBe(200)
  })
})
