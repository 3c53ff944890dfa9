import { formatPrice } from '../../../../../tenant-ui/src/shared/format.ts'
import type { Member } from '../shared/api.ts'
import type { MemberText } from '../shared/messages.ts'

type Tier = Member['tier']

/** What a tier gives, one line each, in the page's language. */
export function benefitLines(tier: Tier, t: MemberText): string[] {
  const lines = [tier.discountPercent > 0 ? t.discount(tier.discountPercent) : t.noDiscount]
  if (tier.freeShippingThreshold !== null)
    lines.push(
      tier.freeShippingThreshold === 0
        ? t.freeShippingAll
        : t.freeShipping(formatPrice(tier.freeShippingThreshold)),
    )
  if (tier.pointsMultiplier > 1) lines.push(t.multiplier(tier.pointsMultiplier))
  if (tier.birthdayPoints > 0) lines.push(t.birthdayPoints(tier.birthdayPoints))
  return lines
}
