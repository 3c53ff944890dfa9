import { summarizePrice, type PriceAdjustment } from '@mallkit/core/plugin'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { couponLines } from './cart-lines.ts'
import { priceCoupon, type CouponBenefit, type CouponRule } from './coupon-rules.ts'

const CAT = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b']
const PRODUCTS = [0, 1, 2, 3].map((i) => `00000000-0000-4000-8000-00000000010${i}`)
const reason = { en: 'x', 'zh-CN': 'x' }
const all = { kind: 'all' as const, categoryIds: [], productIds: [], excludedProductIds: [] }

const rule = (benefit: CouponBenefit, extra: Partial<CouponRule> = {}): CouponRule => ({
  benefit,
  scope: all,
  combinableWithPromotions: true,
  ...extra,
})
const line = (id: string, amount: number, promoted = false, product = PRODUCTS[0]!) => ({
  id,
  productId: product,
  categoryIds: [CAT[0]!],
  amount,
  promoted,
})

describe('priceCoupon', () => {
  it('takes 满减 off once the eligible lines reach the threshold, split by line', () => {
    const quote = priceCoupon(
      rule({ kind: 'amount_off_threshold', threshold: 19900, amount: 2000 }),
      [line('a', 15000), line('b', 5000)],
      0,
    )
    expect(quote).toMatchObject({ applicable: true, discount: 2000, saving: 2000 })
    if (quote.applicable)
      expect(quote.allocation).toEqual([
        { lineId: 'a', amount: 1500 },
        { lineId: 'b', amount: 500 },
      ])
  })

  it('says how much is missing when the threshold is not met', () => {
    expect(
      priceCoupon(
        rule({ kind: 'amount_off_threshold', threshold: 19900, amount: 2000 }),
        [line('a', 19800)],
        0,
      ),
    ).toEqual({ applicable: false, reason: 'threshold_not_met', shortBy: 100 })
  })

  it('leaves promoted lines out of a coupon not combinable with promotions', () => {
    const benefit = { kind: 'percent_off', percent: 10, cap: null } as const
    const lines = [line('a', 10000, true), line('b', 5000)]
    const quote = priceCoupon(rule(benefit, { combinableWithPromotions: false }), lines, 0)
    expect(quote).toMatchObject({
      applicable: true,
      discount: 500,
      allocation: [{ lineId: 'b', amount: 500 }],
    })
    expect(
      priceCoupon(rule(benefit, { combinableWithPromotions: false }), [line('a', 100, true)], 0),
    ).toEqual({ applicable: false, reason: 'promotion_not_combinable' })
  })

  it('applies to its scope only, exclusions first', () => {
    const scope = {
      ...all,
      kind: 'categories' as const,
      categoryIds: [CAT[0]!],
      excludedProductIds: [PRODUCTS[1]!],
    }
    const lines = [
      line('a', 1000, false, PRODUCTS[1]),
      { ...line('b', 1000), categoryIds: [CAT[1]!] },
    ]
    expect(priceCoupon(rule({ kind: 'amount_off', amount: 100 }, { scope }), lines, 0)).toEqual({
      applicable: false,
      reason: 'outside_scope',
    })
  })

  it('keeps one minor unit on every paid line and takes free shipping off the fee', () => {
    const quote = priceCoupon(
      rule({ kind: 'amount_off', amount: 99999 }),
      [line('a', 300), line('b', 1)],
      0,
    )
    expect(quote).toMatchObject({
      applicable: true,
      discount: 299,
      allocation: [{ lineId: 'a', amount: 299 }],
    })
    expect(
      priceCoupon(rule({ kind: 'free_shipping', cap: 500 }), [line('a', 300)], 800),
    ).toMatchObject({
      applicable: true,
      discount: 0,
      shippingDiscount: 500,
    })
    expect(priceCoupon(rule({ kind: 'free_shipping', cap: null }), [line('a', 300)], 0)).toEqual({
      applicable: false,
      reason: 'no_shipping_fee',
    })
  })
})

const benefitArb: fc.Arbitrary<CouponBenefit> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 2, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }))
    .map(([threshold, amount]) => ({
      kind: 'amount_off_threshold' as const,
      threshold,
      amount: Math.min(amount, threshold - 1),
    })),
  fc.integer({ min: 1, max: 1_000_000 }).map((amount) => ({ kind: 'amount_off' as const, amount })),
  fc.record({
    kind: fc.constant('percent_off' as const),
    percent: fc.integer({ min: 1, max: 99 }),
    cap: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('free_shipping' as const),
    cap: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
  }),
)

const cartArb = fc.array(
  fc.record({
    quantity: fc.integer({ min: 1, max: 20 }),
    unitPrice: fc.integer({ min: 0, max: 200_000 }),
    product: fc.integer({ min: 0, max: 3 }),
    memberOff: fc.integer({ min: 0, max: 50_000 }),
    promoOff: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 8 },
)

describe('the coupon stage in the pipeline (property)', () => {
  it('never makes the payable negative or below one unit for paid items, and allocates exactly the discount', () => {
    fc.assert(
      fc.property(
        cartArb,
        benefitArb,
        fc.boolean(),
        fc.constantFrom('all', 'products', 'categories'),
        fc.integer({ min: 0, max: 3000 }),
        (cart, benefit, combinable, scopeKind, fee) => {
          const lines = cart.map((l, i) => ({
            id: `l${i}`,
            skuId: `s${i}`,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            productId: PRODUCTS[l.product]!,
            categoryIds: [CAT[l.product % 2]!],
          }))
          // Member price and promotions first, as the pipeline runs them.
          const earlier = cart.flatMap((l, i) => [
            ...(l.memberOff
              ? [
                  {
                    code: 'member',
                    amount: -l.memberOff,
                    reason,
                    lineId: `l${i}`,
                    stage: 'member-price' as const,
                  },
                ]
              : []),
            ...(l.promoOff !== undefined
              ? [
                  {
                    code: 'promo',
                    amount: -l.promoOff,
                    reason,
                    lineId: `l${i}`,
                    stage: 'promotion' as const,
                  },
                ]
              : []),
          ])
          const draft = { currency: 'CNY', lines, adjustments: earlier }
          const scope = {
            ...all,
            kind: scopeKind,
            productIds: [PRODUCTS[0]!, PRODUCTS[2]!],
            categoryIds: [CAT[1]!],
          }
          const quote = priceCoupon(
            { benefit, scope, combinableWithPromotions: combinable },
            couponLines(draft),
            fee,
          )
          const before = summarizePrice('CNY', lines, earlier, () => fee)
          const coupon: PriceAdjustment[] = quote.applicable
            ? [
                ...quote.allocation.map((s) => ({
                  code: 'coupon',
                  amount: -s.amount,
                  reason,
                  lineId: s.lineId,
                })),
                ...(quote.shippingDiscount
                  ? [
                      {
                        code: 'ship',
                        amount: -quote.shippingDiscount,
                        reason,
                        target: 'shipping' as const,
                      },
                    ]
                  : []),
              ]
            : []
          const after = summarizePrice('CNY', lines, [...earlier, ...coupon], () => fee)

          if (quote.applicable) {
            expect(quote.allocation.reduce((sum, s) => sum + s.amount, 0)).toBe(quote.discount)
            expect(quote.saving).toBe(quote.discount + quote.shippingDiscount)
            // The coupon took exactly its discount: no cap of the pipeline had to bite.
            expect(before.discountTotal + quote.discount).toBe(after.discountTotal)
            expect(after.shippingDiscount).toBe(quote.shippingDiscount)
          }
          expect(after.total).toBeGreaterThanOrEqual(0)
          expect(after.lines.reduce((sum, l) => sum + l.discount, 0)).toBe(after.discountTotal)
          after.lines.forEach((l, i) => {
            // A line still paid for after the earlier stages stays paid for after the coupon.
            if ((before.lines[i]?.total ?? 0) >= 1) expect(l.total).toBeGreaterThanOrEqual(1)
          })
          if (before.total - before.shippingFee >= 1)
            expect(after.total - after.shippingFee).toBeGreaterThanOrEqual(1)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
