import type { PriceAdjustment, PricingLine } from '../../plugins/contract.ts'
import { allocateProportionally } from './allocate.ts'

/** A priced line: its own adjustments, its share of the order-level discount, its total. */
export interface PricedLine extends PricingLine {
  subtotal: number
  /** Line-level adjustments as applied (capped so the line never goes below 0). */
  adjustments: PriceAdjustment[]
  /** This line's share of the order-level discounts (largest-remainder allocation). */
  allocation: number
  /** Line-level discount plus allocation: what the line is reduced by, ≥ 0. */
  discount: number
  total: number
}

/** The whole price of a cart or order, in integer minor units, with its explanation. */
export interface PricedCart {
  currency: string
  lines: PricedLine[]
  /** Order-level adjustments as applied. */
  adjustments: PriceAdjustment[]
  subtotal: number
  discountTotal: number
  /** The shipping fee to pay: the fee for the discounted subtotal less `shippingDiscount`. */
  shippingFee: number
  /** What shipping adjustments (`target: 'shipping'`, free-shipping coupons) took off the fee. */
  shippingDiscount: number
  total: number
}

/**
 * Applies explained adjustments to lines (the pure part of the pricing pipeline). Line-level
 * adjustments reduce their line, each capped at what is left of it; order-level ones are capped at
 * what is left of the order and allocated to lines by `allocateProportionally` (floor, then the
 * remaining units to the largest remainders, ties by line order). So Σ line discounts = discount
 * total, no line total is negative, and total = subtotal − discount total + shipping fee, where
 * the fee is computed from the discounted subtotal and then reduced by the shipping adjustments
 * (`target: 'shipping'`), each capped at what is left of the fee.
 */
export function summarizePrice(
  currency: string,
  lines: readonly PricingLine[],
  adjustments: readonly PriceAdjustment[],
  shippingFeeFor: (discountedSubtotal: number) => number = () => 0,
): PricedCart {
  const priced = lines.map((line) => {
    const subtotal = line.quantity * line.unitPrice
    let left = subtotal
    const applied: PriceAdjustment[] = []
    for (const adjustment of adjustments) {
      if (adjustment.lineId !== line.id || adjustment.target === 'shipping') continue
      const amount = Math.max(adjustment.amount, 0 - left) || 0
      left += amount
      applied.push({ ...adjustment, amount })
    }
    return { ...line, subtotal, adjustments: applied, lineDiscount: subtotal - left }
  })
  let orderLeft = priced.reduce((sum, line) => sum + line.subtotal - line.lineDiscount, 0)
  const orderAdjustments: PriceAdjustment[] = []
  for (const adjustment of adjustments) {
    // Line-level ones were applied above; one naming an unknown line applies nowhere.
    if (adjustment.lineId !== undefined || adjustment.target === 'shipping') continue
    const amount = Math.max(adjustment.amount, 0 - orderLeft) || 0
    orderLeft += amount
    orderAdjustments.push({ ...adjustment, amount })
  }
  const orderDiscount = 0 - orderAdjustments.reduce((sum, a) => sum + a.amount, 0)
  const shares = allocateProportionally(
    priced.map((line) => line.subtotal - line.lineDiscount),
    orderDiscount,
  )
  const result: PricedLine[] = priced.map(({ lineDiscount, ...line }, index) => {
    const allocation = shares[index] ?? 0
    const discount = lineDiscount + allocation
    return { ...line, allocation, discount, total: line.subtotal - discount }
  })
  const subtotal = result.reduce((sum, line) => sum + line.subtotal, 0)
  const discountTotal = result.reduce((sum, line) => sum + line.discount, 0)
  const fullFee = Math.max(0, shippingFeeFor(subtotal - discountTotal))
  let feeLeft = fullFee
  for (const adjustment of adjustments) {
    if (adjustment.target !== 'shipping') continue
    const amount = Math.max(adjustment.amount, 0 - feeLeft) || 0
    feeLeft += amount
    orderAdjustments.push({ ...adjustment, amount })
  }
  return {
    currency,
    lines: result,
    adjustments: orderAdjustments,
    subtotal,
    discountTotal,
    shippingFee: feeLeft,
    shippingDiscount: fullFee - feeLeft,
    total: subtotal - discountTotal + feeLeft,
  }
}
