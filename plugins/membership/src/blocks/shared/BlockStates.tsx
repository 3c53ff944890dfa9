import { Match, Switch, type JSX } from 'solid-js'
import { loginHref } from './api.ts'
import type { MemberText } from './messages.ts'
import type { Personal } from './personal.ts'

/**
 * A membership block's frame of states: a skeleton while loading, an invitation to log in for a
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
        <div class="mk-member__skeleton" aria-hidden="true" />
        <span class="mk-member__sr" role="status">
          {p.t.loading}
        </span>
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
        <p class="mk-member__state" role="alert">
          {p.t.loadFailed}{' '}
          <button type="button" class="mk-member__link" onClick={() => p.onRetry()}>
            {p.t.retry}
          </button>
        </p>
      </Match>
      <Match when={p.value.state === 'ready'}>
        {p.children(() => (p.value as { data: T }).data)}
      </Match>
    </Switch>
  )
}
