import { For, Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { useAccountText } from '../../app/ui/account-kit.tsx'
import { inLocale } from '../../shared/i18n.ts'
import { checkoutText } from './messages.ts'

/** The payment method, one of the mall's providers (a notice when it has none). */
export function PaymentSection(p: {
  methods: string[]
  provider: string | undefined
  onProvider: (provider: string) => void
}) {
  const store = useStorefront()
  const t = inLocale(checkoutText, store.locale)
  const acc = useAccountText()
  return (
    <section class="mk-card">
      <fieldset class="mk-choices">
        <legend>{t.payment}</legend>
        <Show when={p.methods.length === 0}>
          <p class="mk-notice mk-notice--error">{t.noPayment}</p>
        </Show>
        <For each={p.methods}>
          {(provider) => (
            <label class="mk-choice">
              <input
                type="radio"
                name="checkout-provider"
                value={provider}
                checked={p.provider === provider}
                onChange={() => p.onProvider(provider)}
              />
              <span class="mk-choice__box">{acc.paymentName[provider] ?? provider}</span>
            </label>
          )}
        </For>
      </fieldset>
    </section>
  )
}
