import type { ShippingRule } from '../../db/commerce-schema.ts'

/** The parts of a shipping template the fee depends on. */
export interface FeeTemplate {
  basis: 'piece' | 'weight'
  rules: readonly ShippingRule[]
  /** Free shipping from this discounted subtotal on; null: never free. */
  freeThreshold: number | null
}

/** What is shipped where. */
export interface Parcel {
  /** The province for Chinese addresses, the ISO country code otherwise. */
  region: string
  pieces: number
  grams: number
  /** The subtotal after discounts, compared with the free-shipping threshold. */
  discountedSubtotal: number
}

/**
 * The shipping fee of a parcel under a template, or null when no rule covers its region (the
 * mall does not ship there). The rule naming the region wins, else the `*` rule. The first block
 * (`first` pieces or grams) costs `firstFee`; each further started block of `additional` costs
 * `additionalFee`. A discounted subtotal at or above the free threshold ships free.
 */
export function shippingFee(template: FeeTemplate, parcel: Parcel): number | null {
  const rule =
    template.rules.find((r) => r.regions.includes(parcel.region)) ??
    template.rules.find((r) => r.regions.includes('*'))
  if (!rule) return null
  if (template.freeThreshold !== null && parcel.discountedSubtotal >= template.freeThreshold)
    return 0
  const amount = template.basis === 'piece' ? parcel.pieces : parcel.grams
  if (amount <= rule.first || rule.additional <= 0) return rule.firstFee
  return rule.firstFee + Math.ceil((amount - rule.first) / rule.additional) * rule.additionalFee
}
