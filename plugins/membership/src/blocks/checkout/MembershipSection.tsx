import { createSignal, onMount, Show } from 'solid-js'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import type { CheckoutSectionProps } from '../../../../../tenant-ui/src/blocks/plugin-blocks.ts'
import { formatPrice } from '../../../../../tenant-ui/src/shared/format.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import { forCustomer, membershipApi, type Member } from '../shared/api.ts'
import { checkoutMemberText } from './messages.ts'
import { PayWithRow } from './PayWithRow.tsx'
import { deducted, parseYuan, readSelection, toSent, yuanInput } from './selection.ts'
import './checkout.css'

const POINTS = ['points'] as const
const BALANCE = ['stored-value', 'stored-value-shipping'] as const

/**
 * The checkout's points and balance: "use points" (how many; the server applies the mall's rate
 * and cap) and "pay with balance" (how much; the rest goes to the payment method), sent as
 * `selections.membership`. What each takes off is read from the priced preview, never computed
 * here, so the section and the price summary always agree. Nothing is spent unless ticked.
 */
export default function MembershipSection(p: CheckoutSectionProps) {
  const store = useStorefront()
  const t = inLocale(checkoutMemberText, store.locale)
  const [member, setMember] = createSignal<Member | null>()
  onMount(async () => {
    setMember(
      await forCustomer(store.base, () => membershipApi<Member>(store.base, '/me')).catch(
        () => null,
      ),
    )
  })
  const chosen = () => readSelection(p.selection)
  const change = (next: { points?: number | undefined; storedValue?: number | undefined }) => {
    const merged = { ...chosen(), ...next }
    const clean = readSelection(merged)
    p.select(toSent(clean))
  }
  const off = (codes: readonly string[]) => {
    const amount = deducted(p.preview, codes)
    return amount > 0 ? t.deducted(formatPrice(-amount)) : t.notApplied
  }

  return (
    <Show when={member() && (member()!.points > 0 || member()!.balance > 0) && member()}>
      {(m) => (
        <section class="mk-card" aria-labelledby="checkout-membership">
          <h2 id="checkout-membership" class="mk-card__title">
            {t.title}
          </h2>
          <Show when={p.refused}>
            {(why) => (
              <p class="mk-notice mk-notice--error" role="status">
                {t.refused(why())}
              </p>
            )}
          </Show>
          <Show when={m().points > 0}>
            <PayWithRow
              id="membership-points"
              label={t.usePoints}
              available={t.pointsAvailable(m().points)}
              amountLabel={t.pointsToUse}
              help={t.pointsHelp}
              on={chosen().points !== undefined}
              value={String(chosen().points ?? m().points)}
              result={chosen().points !== undefined ? off(POINTS) : undefined}
              inputMode="numeric"
              parse={(typed) => {
                const n = /^\s*\d+\s*$/.test(typed) ? Number(typed) : NaN
                return n >= 1 && n <= m().points ? n : null
              }}
              invalid={t.pointsInvalid(m().points)}
              onToggle={(on) => change({ points: on ? m().points : undefined })}
              onValue={(points) => change({ points })}
            />
          </Show>
          <Show when={m().balance > 0}>
            <PayWithRow
              id="membership-balance"
              label={t.useBalance}
              available={t.balanceAvailable(formatPrice(m().balance))}
              amountLabel={t.balanceToUse}
              help={t.balanceHelp}
              on={chosen().storedValue !== undefined}
              value={yuanInput(chosen().storedValue ?? m().balance)}
              result={chosen().storedValue !== undefined ? off(BALANCE) : undefined}
              inputMode="decimal"
              parse={(typed) => {
                const n = parseYuan(typed)
                return n !== null && n >= 1 && n <= m().balance ? n : null
              }}
              invalid={t.balanceInvalid(formatPrice(m().balance))}
              onToggle={(on) => change({ storedValue: on ? m().balance : undefined })}
              onValue={(storedValue) => change({ storedValue })}
            />
          </Show>
        </section>
      )}
    </Show>
  )
}
