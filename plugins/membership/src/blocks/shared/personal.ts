import { createSignal, onCleanup, onMount } from 'solid-js'
import { forCustomer, onMembershipChange } from './api.ts'

/** Where a block's personal data stands: loading, a guest, failed, or the data. */
export type Personal<T> =
  { state: 'loading' } | { state: 'guest' } | { state: 'failed' } | { state: 'ready'; data: T }

/**
 * The signed-in customer's data for a block, fetched by the browser after hydration (the server
 * and the hydrating render both show loading). A guest gets the logged-out state, never a
 * redirect: the same block renders in the builder's canvas, where nobody is a customer. It
 * reloads when another block on the page announces that points or balance moved.
 */
export function createPersonal<T>(base: string, load: () => Promise<T>) {
  const [value, setValue] = createSignal<Personal<T>>({ state: 'loading' })
  const reload = async () => {
    if (value().state !== 'ready') setValue({ state: 'loading' })
    try {
      const data = await forCustomer(base, load)
      setValue(data === null ? { state: 'guest' } : { state: 'ready', data })
    } catch {
      setValue({ state: 'failed' })
    }
  }
  onMount(() => {
    void reload()
    onCleanup(onMembershipChange(() => void reload()))
  })
  const ready = () => {
    const v = value()
    return v.state === 'ready' ? v.data : undefined
  }
  return { value, ready, reload, set: (data: T) => setValue({ state: 'ready', data }) }
}
