import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PriceAdjustment } from '../../plugins/contract.ts'
import { allocateProportionally } from './allocate.ts'
import { summarizePrice } from './summarize.ts'

const reason = { en: 'test', 'zh-CN': '测试' }

const linesArb = fc.array(
  fc.record({
    quantity: fc.integer({ min: 1, max: 999 }),
    unitPrice: fc.integer({ min: 0, max: 1_000_000 }),
  }),
  { minLength: 1, maxLength: 8 },
)

describe('allocateProportionally', () => {
  it('splits by the largest remainder, ties to the earlier line', () => {
    expect(allocateProportionally([100, 200], 100)).toEqual([33, 67])
    expect(allocateProportionally([1, 1, 1], 2)).toEqual([1, 1, 0])
    expect(allocateProportionally([0, 0], 5)).toEqual([0, 0])
  })

  it('always sums to the amount and never exceeds a weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (weights, wanted) => {
          const total = weights.reduce((a, b) => a + b, 0)
          const amount = Math.min(wanted, total)
          const shares = allocateProportionally(weights, amount)
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total === 0 ? 0 : amount)
          shares.forEach((share, i) => {
            expect(Number.isInteger(share)).toBe(true)
            expect(share).toBeGreaterThanOrEqual(0)
            expect(share).toBeLessThanOrEqual(weights[i] ?? 0)
          })
        },
      ),
    )
  })
})

describe('summarizePrice', () => {
  it('keeps every total whole, non-negative and consistent for random lines and adjustments', () => {
    fc.assert(
      fc.property(
        linesArb,
        fc.array(
          fc.record({
            amount: fc.integer({ min: -5_000_000, max: 0 }),
            line: fc.option(fc.nat(9), { nil: undefined }),
          }),
          { maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 5000 }),
        (rawLines, rawAdjustments, fee) => {
          const lines = rawLines.map((l, i) => ({ id: `l${i}`, skuId: `s${i}`, ...l }))
          const adjustments: PriceAdjustment[] = rawAdjustments.map((a, i) => ({
            code: `a${i}`,
            amount: a.amount,
            reason,
            ...(a.line === undefined ? {} : { lineId: `l${a.line}` }),
          }))
          const priced = summarizePrice('CNY', lines, adjustments, () => fee)
          const lineDiscounts = priced.lines.reduce((sum, l) => sum + l.discount, 0)
          expect(lineDiscounts).toBe(priced.discountTotal)
          const allocations = priced.lines.reduce((sum, l) => sum + l.allocation, 0)
          expect(allocations).toBe(0 - priced.adjustments.reduce((sum, a) => sum + a.amount, 0))
          for (const line of priced.lines) {
            expect(line.total).toBeGreaterThanOrEqual(0)
            expect(line.total).toBe(line.subtotal - line.discount)
            expect(Number.isSafeInteger(line.total)).toBe(true)
          }
          expect(priced.total).toBe(priced.subtotal - priced.discountTotal + priced.shippingFee)
          expect(priced.total).toBeGreaterThanOrEqual(0)
          expect(priced.subtotal).toBe(lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0))
        },
      ),
    )
  })

  it('caps a discount larger than the order and explains the applied amounts', () => {
    const priced = summarizePrice(
      'CNY',
      [
        { id: 'a', skuId: 'x', quantity: 1, unitPrice: 300 },
        { id: 'b', skuId: 'y', quantity: 2, unitPrice: 100 },
      ],
      [
        { code: 'member', amount: -50, reason, lineId: 'a' },
        { code: 'coupon', amount: -10_000, reason },
      ],
      (discounted) => (discounted >= 100 ? 0 : 800),
    )
    expect(priced.adjustments).toEqual([{ code: 'coupon', amount: -450, reason }])
    expect(priced.lines.map((l) => [l.discount, l.allocation, l.total])).toEqual([
      [300, 250, 0],
      [200, 200, 0],
    ])
    expect(priced.shippingFee).toBe(800)
    expect(priced.total).toBe(800)
  })
})
