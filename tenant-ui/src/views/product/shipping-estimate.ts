import type { ShippingTemplate } from './data.ts'

/** What the product page says about shipping for a quantity of the chosen SKU. */
export interface ShippingEstimate {
  /** The fee to most regions (the `*` rule, else the cheapest rule), 0 when shipped free. */
  fee: number
  /** The subtotal from which shipping is free, if the mall offers that. */
  freeThreshold: number | null
  /** Whether the order already reaches the free-shipping threshold. */
  free: boolean
  /** Whether some regions cost more than `fee`. */
  moreElsewhere: boolean
}

type Rule = ShippingTemplate['rules'][number]

/** A rule's fee for `amount` pieces or grams (the same arithmetic as the core's `shippingFee`). */
function ruleFee(rule: Rule, amount: number): number {
  if (amount <= rule.first || rule.additional <= 0) return rule.firstFee
  return rule.firstFee + Math.ceil((amount - rule.first) / rule.additional) * rule.additionalFee
}

/**
 * The shipping estimate before the shopper has an address: the fee to the regions the `*` rule
 * covers (or the cheapest region when there is no such rule) for `quantity` units weighing
 * `grams` each and costing `subtotal` together, and the free-shipping threshold.
 */
export function estimateShipping(
  template: ShippingTemplate | null,
  parcel: { quantity: number; grams: number; subtotal: number },
): ShippingEstimate {
  if (!template || template.rules.length === 0)
    return { fee: 0, freeThreshold: null, free: true, moreElsewhere: false }
  const amount =
    template.basis === 'piece' ? parcel.quantity : parcel.quantity * Math.max(0, parcel.grams)
  const fees = template.rules.map((rule) => ({ rule, fee: ruleFee(rule, amount) }))
  const rest = fees.find((entry) => entry.rule.regions.includes('*'))
  const standard = rest?.fee ?? Math.min(...fees.map((entry) => entry.fee))
  const free = template.freeThreshold !== null && parcel.subtotal >= template.freeThreshold
  return {
    fee: free ? 0 : standard,
    freeThreshold: template.freeThreshold,
    free: free || standard === 0,
    moreElsewhere: !free && fees.some((entry) => entry.fee > standard),
  }
}
