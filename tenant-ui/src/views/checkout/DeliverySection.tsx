import { For, Show } from 'solid-js'
import { AddressForm, addressLine } from '../../app/ui/account-address.tsx'
import type { Address, AddressInput, PickupPoint } from '../../app/ui/account-types.ts'
import { useStorefront } from '../../app/storefront-context.ts'
import { inLocale } from '../../shared/i18n.ts'
import { checkoutText } from './messages.ts'

/**
 * How the order reaches the customer: shipping to an address of the book (pick, add or edit one
 * inline) or pickup at one of the mall's points.
 */
export function DeliverySection(p: {
  method: 'delivery' | 'pickup'
  onMethod: (method: 'delivery' | 'pickup') => void
  addresses: readonly Address[]
  addressId: string | undefined
  onAddress: (id: string) => void
  points: readonly PickupPoint[]
  pickupPointId: string | undefined
  onPoint: (id: string) => void
  editing: string | undefined
  onEditing: (editing: string | undefined) => void
  addressDraft: AddressInput | undefined
  onAddressDraft: (draft: AddressInput | undefined) => void
  onSaved: (address: Address) => void
  error: string | undefined
}) {
  const store = useStorefront()
  const t = inLocale(checkoutText, store.locale)
  const editingAddress = () => p.addresses.find((a) => a.id === p.editing)
  return (
    <section class="mk-card" aria-labelledby="checkout-delivery">
      <h2 id="checkout-delivery" class="mk-card__title">
        {t.delivery}
      </h2>
      <Show when={p.points.length > 0}>
        <fieldset class="mk-choices mk-segment">
          <legend class="mk-visually-hidden">{t.delivery}</legend>
          <For each={['delivery', 'pickup'] as const}>
            {(method) => (
              <label class="mk-choice">
                <input
                  type="radio"
                  name="checkout-method"
                  value={method}
                  checked={p.method === method}
                  onChange={() => p.onMethod(method)}
                />
                <span class="mk-choice__box">{method === 'delivery' ? t.ship : t.pickup}</span>
              </label>
            )}
          </For>
        </fieldset>
      </Show>
      <Show when={p.error}>
        <p class="mk-notice mk-notice--error" role="alert">
          {p.error}
        </p>
      </Show>
      <Show
        when={p.method === 'delivery'}
        fallback={
          <fieldset class="mk-choices">
            <legend>{t.pickupPoint}</legend>
            <For each={p.points}>
              {(point) => (
                <label class="mk-choice">
                  <input
                    type="radio"
                    name="checkout-point"
                    value={point.id}
                    checked={p.pickupPointId === point.id}
                    onChange={() => p.onPoint(point.id)}
                  />
                  <span class="mk-choice__box">
                    <strong>{point.name}</strong>
                    <span class="mk-muted">{point.address}</span>
                    <Show when={point.hours}>
                      <span class="mk-muted">{t.hours(point.hours)}</span>
                    </Show>
                  </span>
                </label>
              )}
            </For>
          </fieldset>
        }
      >
        <Show
          when={p.editing === undefined}
          fallback={
            <AddressForm
              idPrefix="checkout-address"
              address={editingAddress()}
              draft={p.addressDraft}
              onDraft={(draft) => p.onAddressDraft(draft)}
              onSaved={(address) => p.onSaved(address)}
              onCancel={() => p.onEditing(undefined)}
            />
          }
        >
          <fieldset class="mk-choices">
            <legend>{t.address}</legend>
            <Show when={p.addresses.length === 0}>
              <p class="mk-muted">{t.noAddress}</p>
            </Show>
            <For each={p.addresses}>
              {(address) => (
                <div class="mk-choice">
                  <input
                    id={`checkout-address-${address.id}`}
                    type="radio"
                    name="checkout-address"
                    value={address.id}
                    checked={p.addressId === address.id}
                    onChange={() => p.onAddress(address.id)}
                  />
                  <label class="mk-choice__box" for={`checkout-address-${address.id}`}>
                    <strong>
                      {address.recipient} {address.phone}
                      <Show when={address.isDefault}>
                        {' '}
                        <span class="mk-badge mk-badge--active">{t.defaultTag}</span>
                      </Show>
                    </strong>
                    <span class="mk-muted">{addressLine(address)}</span>
                  </label>
                  <button
                    type="button"
                    class="mk-link-button"
                    aria-label={t.editAddressOf(address.recipient)}
                    onClick={() => p.onEditing(address.id)}
                  >
                    {t.editAddress}
                  </button>
                </div>
              )}
            </For>
          </fieldset>
          <button
            type="button"
            class="mk-button mk-button--ghost"
            onClick={() => p.onEditing('new')}
          >
            {t.addAddress}
          </button>
        </Show>
      </Show>
    </section>
  )
}
