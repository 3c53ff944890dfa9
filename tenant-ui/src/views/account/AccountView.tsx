import { createSignal, For, onMount, Show } from 'solid-js'
import IconChevronRight from '~icons/lucide/chevron-right'
import IconCircleCheck from '~icons/lucide/circle-check'
import IconPackage from '~icons/lucide/package'
import IconTruck from '~icons/lucide/truck'
import IconWallet from '~icons/lucide/wallet'
import type { ViewProps } from '../../app/App.tsx'
import { customer, setCustomer, type Customer } from '../../app/session.ts'
import { useStorefront } from '../../app/storefront-context.ts'
import { FormMessage, TextField, useAccountText } from '../../app/ui/account-kit.tsx'
import { knownCustomer } from '../../app/ui/account-remote.ts'
import { EmptyState, Loading, PageBar, useCommon } from '../../app/ui/ui.tsx'
import { ApiError, storeApi } from '../../shared/api.ts'
import { mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { paths } from '../../shared/routes.ts'
import { ordersText } from '../orders/messages.ts'
import { accountText } from './messages.ts'

const SHORTCUTS = [
  ['to_pay', IconWallet],
  ['to_ship', IconPackage],
  ['to_receive', IconTruck],
  ['completed', IconCircleCheck],
] as const

/** The customer's page: profile (name editable), orders by status, addresses, log out; or log in. */
export default function AccountView(_p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(accountText, store.locale)
  const tabs = inLocale(ordersText, store.locale).tabs
  const acc = useAccountText()
  const common = useCommon()
  // The session answer fills `customer`; this only tells "not known yet" from "a guest".
  const [known, setKnown] = createSignal(false)
  const [editing, setEditing] = createSignal(false)
  const [name, setName] = createSignal('')
  const [error, setError] = createSignal<ApiError>()
  const [status, setStatus] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  onMount(() => void knownCustomer(store.base).then(() => setKnown(true)))
  const href = (path: string) => mallHref(store.base, path)

  const saveName = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const saved = await storeApi<Customer>(store.base, '/me', {
        method: 'PATCH',
        body: { name: name() },
      })
      setCustomer(saved)
      setEditing(false)
      setStatus(t.saved)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught)))
    } finally {
      setBusy(false)
    }
  }
  const logout = async () => {
    await storeApi(store.base, '/auth/logout', { method: 'POST' }).catch(() => undefined)
    setCustomer(null)
    window.location.assign(href(paths.home()))
  }

  return (
    <main class="mk-view mk-acc">
      <PageBar title={t.title} />
      <p class="mk-visually-hidden" role="status">
        {status()}
      </p>
      <Show when={known()} fallback={<Loading />}>
        <Show
          when={customer()}
          fallback={
            <EmptyState
              title={t.guestTitle}
              text={t.guestText}
              action={
                <div class="mk-form__actions">
                  <a
                    class="mk-button mk-button--ghost"
                    href={href(paths.register(paths.account()))}
                  >
                    {t.register}
                  </a>
                  <a class="mk-button" href={href(paths.login(paths.account()))}>
                    {t.login}
                  </a>
                </div>
              }
            />
          }
        >
          {(me) => (
            <div class="mk-acc__body">
              <section class="mk-status-hero">
                <strong>{t.hello(me().name)}</strong>
                <span>{me().email ?? me().phone}</span>
              </section>
              <section class="mk-card">
                <Show
                  when={editing()}
                  fallback={
                    <div class="mk-card__head">
                      <span>
                        {t.name}: {me().name}
                      </span>
                      <button
                        type="button"
                        class="mk-link-button"
                        onClick={() => {
                          setName(me().name)
                          setEditing(true)
                        }}
                      >
                        {t.editName}
                      </button>
                    </div>
                  }
                >
                  <form class="mk-form" onSubmit={saveName} novalidate>
                    <TextField
                      id="account-name"
                      label={t.name}
                      value={name()}
                      onInput={setName}
                      error={error()?.fieldMessage('body.name')}
                      autocomplete="nickname"
                      maxLength={100}
                      required
                    />
                    <FormMessage
                      text={error() && !error()!.errors.length ? common.networkError : undefined}
                    />
                    <div class="mk-form__actions">
                      <button
                        type="button"
                        class="mk-button mk-button--ghost"
                        onClick={() => setEditing(false)}
                      >
                        {acc.cancel}
                      </button>
                      <button type="submit" class="mk-button" disabled={busy()}>
                        {busy() ? acc.saving : acc.save}
                      </button>
                    </div>
                  </form>
                </Show>
              </section>
              <section class="mk-card" aria-labelledby="account-orders">
                <div class="mk-card__head">
                  <h2 id="account-orders" class="mk-card__title">
                    {t.orders}
                  </h2>
                  <a class="mk-link-button" href={href(paths.orders())}>
                    {t.allOrders}
                  </a>
                </div>
                <ul class="mk-grid-links">
                  <For each={SHORTCUTS}>
                    {([tab, Icon]) => (
                      <li>
                        <a href={href(`${paths.orders()}?status=${tab}`)}>
                          <Icon aria-hidden="true" />
                          <span>{tabs[tab]}</span>
                        </a>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
              <section class="mk-card">
                <ul class="mk-menu">
                  <li>
                    <a href={href(paths.addresses())}>
                      <span>{t.addresses}</span>
                      <IconChevronRight aria-hidden="true" />
                    </a>
                  </li>
                  <li>
                    <button type="button" onClick={() => void logout()}>
                      <span>{t.logout}</span>
                    </button>
                  </li>
                </ul>
              </section>
            </div>
          )}
        </Show>
      </Show>
    </main>
  )
}
