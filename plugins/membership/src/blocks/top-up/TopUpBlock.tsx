import { createSignal, For, onMount, Show } from 'solid-js'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { formatPrice, mallHref } from '../../../../../tenant-ui/src/shared/format.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import { paths } from '../../../../../tenant-ui/src/shared/routes.ts'
import { customer, loadSession } from '../../../../../tenant-ui/src/app/session.ts'
import type { TopUpProps } from '../../block-manifests.ts'
import {
  announceChange,
  loginHref,
  membershipApi,
  newKey,
  refusal,
  type Member,
  type TopUp,
  type TopUpPackage,
} from '../shared/api.ts'
import { memberText } from '../shared/messages.ts'
import { ListStates, type PublicList } from '../shared/BlockStates.tsx'
import { Said, type Saying } from '../shared/Said.tsx'
import '../shared/membership.css'

/** A package as the store lists it: `skuId` when it is bought online through checkout. */
type Package = TopUpPackage & { skuId?: string | null }
type Packages = PublicList<Package>

/**
 * Top-up: the mall's packages (充 ¥500 送 ¥50) as choices and one button. The packages are the
 * same for everyone but load after hydration with the balance, like the other blocks. A package
 * sold by a SKU is bought online: the button goes to buy-now checkout of that SKU, and the balance
 * is credited once the order is paid. Any other is ordered here with an Idempotency-Key per tap
 * and paid off-line; the mall confirms its payment.
 */
export default function TopUpBlock(p: { props: TopUpProps }) {
  const store = useStorefront()
  const t = inLocale(memberText, store.locale)
  const [packages, setPackages] = createSignal<Packages>('loading')
  const [balance, setBalance] = createSignal<number>()
  const [chosen, setChosen] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  const [said, setSaid] = createSignal<Saying>()
  const title = () => p.props.title || t.topUpTitle

  const load = async () => {
    setPackages('loading')
    try {
      const { items } = await membershipApi<{ items: Package[] }>(store.base, '/top-up-packages')
      setPackages(items)
      setChosen((before) => before ?? items[0]?.id)
      await loadSession(store.base)
      if (customer())
        setBalance((await membershipApi<Member>(store.base, '/me').catch(() => undefined))?.balance)
    } catch {
      setPackages('failed')
    }
  }
  onMount(() => void load())

  const topUp = async () => {
    const id = chosen()
    if (!id || busy()) return
    if (!customer()) return window.location.assign(loginHref(store.base))
    const listed = packages()
    const online = Array.isArray(listed) ? listed.find((pack) => pack.id === id)?.skuId : undefined
    if (online)
      return window.location.assign(mallHref(store.base, paths.checkout({ sku: online, qty: 1 })))
    setBusy(true)
    setSaid(undefined)
    try {
      const created = await membershipApi<TopUp>(store.base, '/top-ups', {
        method: 'POST',
        headers: { 'idempotency-key': newKey('top-up') },
        body: { packageId: id },
      })
      setSaid({ text: t.topUpPending(formatPrice(created.amount)) })
      announceChange()
    } catch (error) {
      const code = refusal(error)
      const text =
        code === 'balance_cap' ? t.balanceCap : code === 'not_enabled' ? t.storedValueOff : t.failed
      setSaid({ text, error: true })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="mk-member mk-member--top-up" aria-label={title()}>
      <h2 class="mk-member__title">{title()}</h2>
      <ListStates value={packages()} t={t} empty={t.noPackages} onRetry={() => void load()}>
        {(list) => (
          <>
            <Show when={balance() !== undefined}>
              <p class="mk-member__hint">{t.currentBalance(formatPrice(balance()!))}</p>
            </Show>
            <fieldset class="mk-member__packages">
              <legend class="mk-member__sr">{title()}</legend>
              <For each={list()}>
                {(pack) => (
                  <label class="mk-member__package">
                    <input
                      type="radio"
                      name="membership-top-up"
                      value={pack.id}
                      checked={chosen() === pack.id}
                      onChange={() => setChosen(pack.id)}
                    />
                    <span class="mk-member__package-box">
                      <strong>{t.pay(formatPrice(pack.amount))}</strong>
                      <span>{pack.bonus > 0 ? t.bonus(formatPrice(pack.bonus)) : t.noBonus}</span>
                      <span class="mk-member__sr">{pack.name}</span>
                    </span>
                  </label>
                )}
              </For>
            </fieldset>
            <Show
              when={customer() !== null}
              fallback={
                <a class="mk-member__button mk-member__button--block" href={loginHref(store.base)}>
                  {t.loginToTopUp}
                </a>
              }
            >
              <button
                type="button"
                class="mk-member__button mk-member__button--block"
                disabled={busy() || !chosen()}
                aria-busy={busy() ? 'true' : undefined}
                onClick={() => void topUp()}
              >
                {busy() ? t.toppingUp : t.topUp}
              </button>
            </Show>
            <Said said={said()} />
          </>
        )}
      </ListStates>
    </section>
  )
}
