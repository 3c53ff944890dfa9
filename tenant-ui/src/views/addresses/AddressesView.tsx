import { createSignal, For, onMount, Show } from 'solid-js'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { AddressForm, addressLine } from '../../app/ui/account-address.tsx'
import { ConfirmDialog, FormMessage } from '../../app/ui/account-kit.tsx'
import { createRemote, requireCustomer } from '../../app/ui/account-remote.ts'
import type { Address } from '../../app/ui/account-types.ts'
import { EmptyState, PageBar, RemoteFallback, useCommon } from '../../app/ui/ui.tsx'
import { storeApi } from '../../shared/api.ts'
import { inLocale, messages } from '../../shared/i18n.ts'

const text = messages({
  'zh-CN': {
    title: '收货地址',
    emptyTitle: '还没有收货地址',
    add: '新增地址',
    edit: '编辑',
    remove: '删除',
    makeDefault: '设为默认',
    isDefault: '默认地址',
    removeTitle: '删除这个地址？',
    removeText: (who: string) => `${who} 的地址将被删除，已下的订单不受影响。`,
    saved: '地址已保存',
    removed: '地址已删除',
  },
  en: {
    title: 'Addresses',
    emptyTitle: 'No addresses yet',
    add: 'Add an address',
    edit: 'Edit',
    remove: 'Delete',
    makeDefault: 'Make default',
    isDefault: 'Default',
    removeTitle: 'Delete this address?',
    removeText: (who: string) =>
      `The address of ${who} will be deleted. Placed orders keep theirs.`,
    saved: 'Address saved',
    removed: 'Address deleted',
  },
})

/** The customer's address book: add, edit, delete (after asking) and choose the default. */
export default function AddressesView(_p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const common = useCommon()
  const book = createRemote<Address[]>(store.base, async () => {
    await requireCustomer(store.base)
    return (await storeApi<{ items: Address[] }>(store.base, '/addresses')).items
  })
  const [editing, setEditing] = createSignal<string>()
  const [removing, setRemoving] = createSignal<Address>()
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const [status, setStatus] = createSignal('')
  onMount(() => void book.reload())

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
      setStatus(done)
    } catch {
      setError(common.networkError)
    } finally {
      await book.reload()
      setBusy(false)
    }
  }
  const makeDefault = (a: Address) => {
    const input = Object.fromEntries(Object.entries(a).filter(([key]) => key !== 'id'))
    return run(
      () =>
        storeApi(store.base, `/addresses/${a.id}`, {
          method: 'PUT',
          body: { ...input, isDefault: true },
        }),
      t.saved,
    )
  }
  const remove = async () => {
    const a = removing()
    if (a)
      await run(() => storeApi(store.base, `/addresses/${a.id}`, { method: 'DELETE' }), t.removed)
    setRemoving(undefined)
  }
  const saved = async () => {
    setEditing(undefined)
    setStatus(t.saved)
    await book.reload()
  }

  return (
    <main class="mk-view mk-acc">
      <PageBar title={t.title} />
      <p class="mk-visually-hidden" role="status">
        {status()}
      </p>
      <Show when={book.data()} fallback={<RemoteFallback remote={book} />}>
        {(list) => (
          <div class="mk-acc__body">
            <FormMessage text={error()} />
            <Show when={editing() === 'new'}>
              <section class="mk-card" aria-label={t.add}>
                <AddressForm
                  idPrefix="address-new"
                  onSaved={() => void saved()}
                  onCancel={() => setEditing(undefined)}
                />
              </section>
            </Show>
            <Show when={list().length === 0 && editing() !== 'new'}>
              <EmptyState title={t.emptyTitle} />
            </Show>
            <For each={list()}>
              {(a) => (
                <section class="mk-card" aria-label={`${a.recipient} ${addressLine(a)}`}>
                  <Show
                    when={editing() === a.id}
                    fallback={
                      <>
                        <p>
                          <strong>
                            {a.recipient} {a.phone}
                          </strong>{' '}
                          <Show when={a.isDefault}>
                            <span class="mk-badge mk-badge--active">{t.isDefault}</span>
                          </Show>
                          <br />
                          <span class="mk-muted">{addressLine(a)}</span>
                        </p>
                        <div class="mk-form__actions">
                          <Show when={!a.isDefault}>
                            <button
                              type="button"
                              class="mk-link-button"
                              disabled={busy()}
                              onClick={() => void makeDefault(a)}
                            >
                              {t.makeDefault}
                            </button>
                          </Show>
                          <button
                            type="button"
                            class="mk-link-button"
                            onClick={() => setEditing(a.id)}
                          >
                            {t.edit}
                          </button>
                          <button
                            type="button"
                            class="mk-link-button mk-link-button--danger"
                            onClick={() => setRemoving(a)}
                          >
                            {t.remove}
                          </button>
                        </div>
                      </>
                    }
                  >
                    <AddressForm
                      idPrefix={`address-${a.id}`}
                      address={a}
                      onSaved={() => void saved()}
                      onCancel={() => setEditing(undefined)}
                    />
                  </Show>
                </section>
              )}
            </For>
            <Show when={editing() !== 'new'}>
              <button type="button" class="mk-button" onClick={() => setEditing('new')}>
                {t.add}
              </button>
            </Show>
          </div>
        )}
      </Show>
      <ConfirmDialog
        open={removing() !== undefined}
        title={t.removeTitle}
        text={removing() ? t.removeText(removing()!.recipient) : ''}
        confirmLabel={t.remove}
        busy={busy()}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(undefined)}
      />
    </main>
  )
}
