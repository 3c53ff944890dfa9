import { Match, Switch, type JSX } from 'solid-js'
import { loginHref } from './api.ts'
import type { MemberText } from './messages.ts'
import type { Personal } from './personal.ts'

/**
 * A personal membership block's frame of states: a skeleton while loading, an invitation to log in for a
 * guest, an error with a retry, else `children` with the data.
 */
export function BlockStates<T>(p: {
  value: Personal<T>
  base: string
  t: MemberText
  guest: string
  onRetry: () => void
  /** Gets the data as an accessor: it follows later answers (after a check-in…). */
  children: (data: () => T) => JSX.Element
}) {
  return (
    <Switch>
      <Match when={p.value.state === 'loading'}>
        <Loading t={p.t} />
      </Match>
      <Match when={p.value.state === 'guest'}>
        <div class="mk-member__guest">
          <p>{p.guest}</p>
          <a class="mk-member__button" href={loginHref(p.base)}>
            {p.t.logIn}
          </a>
        </div>
      </Match>
      <Match when={p.value.state === 'failed'}>
        <Failed t={p.t} onRetry={p.onRetry} />
      </Match>
      <Match when={p.value.state === 'ready'}>
        {p.children(() => (p.value as { data: T }).data)}
      </Match>
    </Switch>
  )
}

/** A list every visitor sees the same (the mall's offers), as a block loads it in the browser. */
export type PublicList<T> = T[] | 'loading' | 'failed'

/**
 * A public list's frame of states: a skeleton while loading, an error with a retry, `empty` when
 * there is nothing, else `children` with the items.
 */
export function ListStates<T>(p: {
  value: PublicList<T>
  t: MemberText
  empty: string
  onRetry: () => void
  /** Gets the items as an accessor: it follows later answers (after an exchange…). */
  children: (items: () => T[]) => JSX.Element
}) {
  const items = () => (Array.isArray(p.value) ? p.value : [])
  return (
    <Switch>
      <Match when={p.value === 'loading'}>
        <Loading t={p.t} />
      </Match>
      <Match when={p.value === 'failed'}>
        <Failed t={p.t} onRetry={p.onRetry} />
      </Match>
      <Match when={items().length === 0}>
        <p class="mk-member__state">{p.empty}</p>
      </Match>
      <Match when={items().length > 0}>{p.children(items)}</Match>
    </Switch>
  )
}

function Loading(p: { t: MemberText }) {
  return (
    <>
      <div class="mk-member__skeleton" aria-hidden="true" />
      <span class="mk-member__sr" role="status">
        {p.t.loading}
      </span>
    </>
  )
}

function Failed(p: { t: MemberText; onRetry: () => void }) {
  return (
    <p class="mk-member__state" role="alert">
      {p.t.loadFailed}{' '}
      <button type="button" class="mk-member__link" onClick={() => p.onRetry()}>
        {p.t.retry}
      </button>
    </p>
  )
}
