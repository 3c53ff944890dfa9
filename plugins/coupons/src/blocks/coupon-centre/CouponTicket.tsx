import { Show } from 'solid-js'
import type { ClaimState } from '../shared/claim.ts'
import type { CouponText } from '../shared/messages.ts'
import {
  benefitText,
  headline,
  remainingPercent,
  validityText,
  type Offer,
} from '../shared/offer-text.ts'

/** One claimable coupon: what it takes off, until when, what remains, and its claim button. */
export function CouponTicket(p: {
  offer: Offer
  /** What remains now (the list's figure less this page's claims); null when unlimited. */
  remaining: number | null
  t: CouponText
  locale: string
  showRemaining: boolean
  state: ClaimState
  /** The login page for a guest's tap (a link), or null when a tap claims. */
  loginHref: string | null
  onClaim: () => void
}) {
  const percent = () =>
    p.showRemaining
      ? remainingPercent({ remaining: p.remaining, totalQuantity: p.offer.totalQuantity })
      : null
  const refused = () =>
    p.state === 'idle' || p.state === 'busy' || p.state === 'claimed' || p.state === 'login'
      ? null
      : p.t[p.state]
  const done = () => p.state === 'claimed' || p.state === 'sold_out' || p.state === 'limit_reached'
  return (
    <li class="mk-coupon" classList={{ 'mk-coupon--done': done() }} data-coupon={p.offer.id}>
      <div class="mk-coupon__value" aria-hidden="true">
        <strong>{headline(p.offer.benefit, p.t, p.locale)}</strong>
      </div>
      <div class="mk-coupon__body">
        <h3 class="mk-coupon__benefit">{benefitText(p.offer.benefit, p.t, p.locale)}</h3>
        <p class="mk-coupon__name">
          <Show when={p.offer.audience === 'new_customers'}>
            <span class="mk-coupon__tag">{p.t.newCustomers}</span>
          </Show>
          {p.offer.name}
        </p>
        <p class="mk-coupon__validity">{validityText(p.offer.validity, p.t)}</p>
        <Show when={percent() !== null}>
          <div class="mk-coupon__remaining">
            <div
              class="mk-coupon__bar"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={p.offer.totalQuantity ?? 0}
              aria-valuenow={p.remaining ?? 0}
              aria-label={p.t.remaining(p.remaining ?? 0, p.offer.totalQuantity ?? 0)}
            >
              <span style={{ width: `${percent() ?? 0}%` }} />
            </div>
            <span aria-hidden="true">
              {p.t.remaining(p.remaining ?? 0, p.offer.totalQuantity ?? 0)}
            </span>
          </div>
        </Show>
        <Show when={refused()}>
          {(text) => (
            <p class="mk-coupon__problem" role="alert">
              {text()}
            </p>
          )}
        </Show>
      </div>
      <div class="mk-coupon__action">
        <Show
          when={p.loginHref}
          fallback={
            <button
              type="button"
              class="mk-coupon__button"
              disabled={p.state === 'busy' || done()}
              aria-label={`${p.state === 'claimed' ? p.t.claimed : p.t.claim}: ${p.offer.name}`}
              onClick={() => p.onClaim()}
            >
              {p.state === 'claimed'
                ? p.t.claimed
                : p.state === 'busy'
                  ? p.t.claiming
                  : p.state === 'sold_out'
                    ? p.t.sold_out
                    : p.t.claim}
            </button>
          }
        >
          {(href) => (
            <a class="mk-coupon__button" href={href()}>
              {p.t.loginToClaim}
            </a>
          )}
        </Show>
      </div>
    </li>
  )
}
