import { createEffect, createMemo, For, on, Show } from 'solid-js'
import { createRemote } from '../../../../../tenant-ui/src/app/ui/account-remote.ts'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import type { CheckoutSectionProps } from '../../../../../tenant-ui/src/blocks/plugin-blocks.ts'
import { formatPrice } from '../../../../../tenant-ui/src/shared/format.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import { loadCouponOffers, type CouponOffer, type CouponOffers } from './coupon-offers.ts'
import { checkoutCouponText } from './messages.ts'

/** What the checkout keeps for this section: `{ couponId }`, null meaning "no coupon". */
interface CouponSelection {
  couponId: string | null
}

const chosenId = (selection: unknown): string | null | undefined =>
  typeof selection === 'object' && selection !== null && 'couponId' in selection
    ? (selection as CouponSelection).couponId
    : undefined

/**
 * The coupon of the order, one of a radio group: the applicable coupons by saving (the best one
 * checked until the customer chooses), "no coupon", and the inapplicable ones greyed with why.
 * The offers are priced at the order's shipping fee, so they follow the delivery choice.
 */
export default function CouponSection(p: CheckoutSectionProps) {
  const store = useStorefront()
  const t = inLocale(checkoutCouponText, store.locale)
  // A free-shipping coupon depends on the fee, which does not depend on the coupon: no loop.
  const shippingFee = createMemo(() => {
    const c = p.preview
    return c ? (c.shippingKnown ? c.shippingFee : 0) : undefined
  })
  const offers = createRemote<CouponOffers>(p.base, () =>
    loadCouponOffers(p.base, p.items, shippingFee() ?? 0),
  )
  createEffect(
    on([shippingFee, () => p.refused], ([fee]) => {
      if (fee !== undefined) void offers.reload()
    }),
  )
  const checked = (o: CouponOffers) =>
    chosenId(p.selection) ?? (p.selection === undefined ? o.bestCouponId : null)
  const choose = (couponId: string | null) => p.select({ couponId } satisfies CouponSelection)
  const why = (offer: CouponOffer) =>
    offer.reason ? t.couponReason[offer.reason](formatPrice(offer.shortBy ?? 0)) : ''
  return (
    <Show when={offers.data()}>
      {(o) => (
        <section class="mk-card" aria-labelledby="checkout-coupons">
          <h2 id="checkout-coupons" class="mk-card__title">
            {t.coupons}
          </h2>
          <Show when={p.refused}>
            <p class="mk-notice mk-notice--error" role="status">
              {t.badCoupon}
            </p>
          </Show>
          <fieldset class="mk-choices">
            <legend class="mk-visually-hidden">{t.coupons}</legend>
            <For each={o().applicable}>
              {(offer) => (
                <label class="mk-choice">
                  <input
                    type="radio"
                    name="checkout-coupon"
                    value={offer.coupon.id}
                    checked={checked(o()) === offer.coupon.id}
                    onChange={() => choose(offer.coupon.id)}
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
                checked={checked(o()) === null}
                onChange={() => choose(null)}
              />
              <span class="mk-choice__box">{t.noCoupon}</span>
            </label>
            <For each={o().inapplicable}>
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
      )}
    </Show>
  )
}
