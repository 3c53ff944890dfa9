import { createSignal, For, Show } from 'solid-js'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { formatPrice, mallHref } from '../../../../../tenant-ui/src/shared/format.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import { paths } from '../../../../../tenant-ui/src/shared/routes.ts'
import type { PaidCardProps } from '../../block-manifests.ts'
import { announceChange, membershipApi, refusal } from '../shared/api.ts'
import { BlockStates } from '../shared/BlockStates.tsx'
import { memberText } from '../shared/messages.ts'
import { createPersonal } from '../shared/personal.ts'
import { createProgram, type CardPlan } from '../shared/program.ts'
import { Said, type Saying } from '../shared/Said.tsx'
import '../shared/membership.css'

/** The customer's card as `GET /api/store/p/membership/card` answers it. */
interface CardState {
  active: boolean
  validUntil: string | null
  trialAvailable: boolean
}

/**
 * The paid member card promotion: whether the customer's card is valid and until when, and the
 * one-time free trial while it is open (personal, after hydration); then the mall's offer, the
 * same for everyone: what the card gives, the trial, and each plan on sale with its length and
 * price and a button to buy it now (the plan's SKU through the normal checkout and payment).
 */
export default function PaidCardBlock(p: { props: PaidCardProps }) {
  const store = useStorefront()
  const t = inLocale(memberText, store.locale)
  const card = createPersonal(store.base, () => membershipApi<CardState>(store.base, '/card'))
  const program = createProgram(store.base)
  const [busy, setBusy] = createSignal(false)
  const [said, setSaid] = createSignal<Saying>()
  const title = () => p.props.title || t.paidCardTitle
  const day = (iso: string) => iso.slice(0, 10)
  const active = () => card.ready()?.active ?? false
  const planName = (plan: CardPlan) => t.plans[plan.id] ?? plan.id

  const trial = async () => {
    setBusy(true)
    try {
      card.set(await membershipApi<CardState>(store.base, '/card/trial', { method: 'POST' }))
      setSaid({ text: t.trialStarted })
      announceChange()
    } catch (error) {
      setSaid({ text: refusal(error) === 'not_enabled' ? t.noTrial : t.failed, error: true })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="mk-member mk-member--paid-card" aria-label={title()}>
      <h2 class="mk-member__title">{title()}</h2>
      <BlockStates
        value={card.value()}
        base={store.base}
        t={t}
        guest={p.props.pitch || t.cardPitch}
        onRetry={() => void card.reload()}
      >
        {(c) => (
          <div class="mk-member__panel mk-member__paid">
            <p>
              <strong>
                {c().active && c().validUntil ? t.cardValid(day(c().validUntil!)) : t.cardNone}
              </strong>
            </p>
            <Show when={!c().active && c().validUntil}>
              {(until) => <p class="mk-member__hint">{t.cardEnded(day(until()))}</p>}
            </Show>
            <p class="mk-member__hint">{p.props.pitch || t.cardPitch}</p>
            <Show when={c().trialAvailable}>
              <button
                type="button"
                class="mk-member__button mk-member__button--ghost mk-member__button--block"
                disabled={busy()}
                onClick={() => void trial()}
              >
                {t.startTrial}
              </button>
            </Show>
            <Said said={said()} />
          </div>
        )}
      </BlockStates>
      <Show when={program.ready()?.card} keyed>
        {(offer) => (
          <Show when={offer.enabled} fallback={<p class="mk-member__hint">{t.cardOff}</p>}>
            <div class="mk-member__panel mk-member__offer">
              <p class="mk-member__hint">
                {t.cardPerks(offer.discountPercent, offer.pointsMultiplierBonus)}
              </p>
              <Show when={offer.trialDays > 0}>
                <p class="mk-member__hint">{t.trialOffer(offer.trialDays)}</p>
              </Show>
              <Show
                when={offer.plans.length > 0}
                fallback={
                  <Show
                    when={p.props.buyLink}
                    fallback={<p class="mk-member__hint">{t.noPlans}</p>}
                  >
                    <a
                      class="mk-member__button mk-member__button--block"
                      href={mallHref(store.base, p.props.buyLink)}
                    >
                      {active() ? t.renewCard : t.buyCard}
                    </a>
                  </Show>
                }
              >
                <ul class="mk-member__plans">
                  <For each={offer.plans}>
                    {(plan) => (
                      <li class="mk-member__plan" data-plan={plan.id}>
                        <span>
                          <strong>{planName(plan)}</strong>
                          <span class="mk-member__plan-days">{t.planDays(plan.days)}</span>
                        </span>
                        <strong class="mk-member__price">{formatPrice(plan.price)}</strong>
                        <a
                          class="mk-member__button"
                          href={mallHref(store.base, paths.checkout({ sku: plan.skuId, qty: 1 }))}
                          aria-label={t.buyPlan(planName(plan), formatPrice(plan.price))}
                        >
                          {active() ? t.renew : t.buy}
                        </a>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
          </Show>
        )}
      </Show>
    </section>
  )
}
