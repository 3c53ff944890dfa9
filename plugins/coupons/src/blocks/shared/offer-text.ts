import type { OfferView } from '../../server/schemas.ts'
import { formatPrice } from '../../../../../tenant-ui/src/shared/format.ts'
import type { CouponText } from './messages.ts'

/** A claimable coupon as `GET /api/store/p/coupons/offers` lists it. */
export type Offer = OfferView

/** Whole yuan without the cents (`¥20`), otherwise with them (`¥19.90`). */
export const shortPrice = (fen: number): string => formatPrice(fen).replace(/\.00$/, '')

/** Like `shortPrice` without the currency sign, as Chinese coupon wording has it (满199减20). */
const bare = (fen: number): string => shortPrice(fen).replace('¥', '')

/** What the coupon takes off, in the coupon's usual wording: `满199减20`, `¥20 off from ¥199`. */
export function benefitText(benefit: Offer['benefit'], t: CouponText, locale: string): string {
  const money = locale === 'en' ? shortPrice : bare
  switch (benefit.kind) {
    case 'amount_off_threshold':
      return t.threshold(money(benefit.threshold), money(benefit.amount))
    case 'amount_off':
      return t.amountOff(money(benefit.amount))
    case 'percent_off': {
      // 15 % off is 8.5 折: Chinese states what is paid, in tenths.
      const rate = locale === 'en' ? String(benefit.percent) : String((100 - benefit.percent) / 10)
      const cap = benefit.cap === null ? '' : `, ${t.percentCap(money(benefit.cap))}`
      return `${t.percentOff(rate)}${locale === 'en' ? cap : cap.replace(', ', '，')}`
    }
    case 'free_shipping': {
      const cap = benefit.cap === null ? '' : ` (${t.shippingCap(money(benefit.cap))})`
      return `${t.freeShipping}${locale === 'en' ? cap : cap.replace(' (', '（').replace(')', '）')}`
    }
  }
}

/** The ticket's big figure: the amount off, the rate, or the free-shipping word. */
export function headline(benefit: Offer['benefit'], t: CouponText, locale: string): string {
  switch (benefit.kind) {
    case 'amount_off_threshold':
    case 'amount_off':
      return shortPrice(benefit.amount)
    case 'percent_off':
      return locale === 'en'
        ? t.percentOff(String(benefit.percent))
        : t.percentOff(String((100 - benefit.percent) / 10))
    case 'free_shipping':
      return t.freeShipping
  }
}

const day = (iso: string) => iso.slice(0, 10)

/** When a claimed coupon can be used: a window, or N days from claiming. */
export function validityText(validity: Offer['validity'], t: CouponText): string {
  if (validity.kind === 'relative') return t.relative(validity.days)
  return Date.parse(validity.from) <= Date.now()
    ? t.until(day(validity.until))
    : t.window(day(validity.from), day(validity.until))
}

/** What remains of a coupon of limited quantity, 0–100, or null when unlimited. */
export function remainingPercent(offer: Pick<Offer, 'remaining' | 'totalQuantity'>): number | null {
  if (offer.totalQuantity === null || offer.remaining === null || offer.totalQuantity <= 0)
    return null
  return Math.max(0, Math.min(100, Math.round((offer.remaining / offer.totalQuantity) * 100)))
}
