import { For } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { formatPrice } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import type { CouponOffer, CouponOffers } from './coupon-offers.ts'
import { checkoutText } from './messages.ts'

/**
 * The coupon of the order, one of a radio group: the applicable coupons by saving (the best one
 * checked until the customer chooses), "no coupon", and the inapplicable ones greyed with why.
 */
export function CouponSection(p: {
  offers: CouponOffers
  /** The customer's choice: a coupon id, null for none, undefined for the best one. */
  chosen: string | null | undefined
  onChoose: (couponId: string | null) => void
}) {
  const store = useStorefront()
  const t = inLocale(checkoutText, store.locale)
  const checked = () => (p.chosen === undefined ? p.offers.bestCouponId : p.chosen)
  const why = (offer: CouponOffer) =>
    offer.reason ? t.couponReason[offer.reason](formatPrice(offer.shortBy ?? 0)) : ''
  return (
    <section class="mk-card" aria-labelledby="checkout-coupons">
      <h2 id="checkout-coupons" class="mk-card__title">
        {t.coupons}
      </h2>
      <fieldset class="mk-choices">
        <legend class="mk-visually-hidden">{t.coupons}</legend>
        <For each={p.offers.applicable}>
          {(offer) => (
            <label class="mk-choice">
              <input
                type="radio"
                name="checkout-coupon"
                value={offer.coupon.id}
                checked={checked() === offer.coupon.id}
                onChange={() => p.onChoose(offer.coupon.id)}
              />
              <span class="mk-choice__box">
                <strong>{offer.coupon.name}</strong>
                <span class="mk-price">{t.couponSaving(formatPrice(offer.saving))}</span>
              </span>
            </label>
          )}
        </For>
        <label class="mk-choice">
          <input
            type="radio"
            name="checkout-coupon"
            value=""
            checked={checked() === null}
            onChange={() => p.onChoose(null)}
          />
          <span class="mk-choice__box">{t.noCoupon}</span>
        </label>
        <For each={p.offers.inapplicable}>
          {(offer) => (
            <label class="mk-choice">
              <input
                type="radio"
                name="checkout-coupon"
                value={offer.coupon.id}
                disabled
                aria-describedby={`checkout-coupon-${offer.coupon.id}`}
              />
              <span class="mk-choice__box mk-muted">
                <strong>{offer.coupon.name}</strong>
                <span id={`checkout-coupon-${offer.coupon.id}`}>{why(offer)}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
    </section>
  )
}
