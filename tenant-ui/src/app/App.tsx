import type { Component } from 'solid-js'
import type { StorefrontState, ViewState } from '../shared/state.ts'
import { LocaleSwitch } from './LocaleSwitch.tsx'
import { StorefrontContext } from './storefront-context.ts'

/** What every view component receives: its parameters, query and server-loaded data. */
export type ViewProps<D = unknown> = Pick<ViewState<D>, 'params' | 'query' | 'data'>

/** A view's component (the same one on the server and when the browser hydrates). */
// Each view types its own data; the renderer hands it what that view's loader returned.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ViewComponent = Component<ViewProps<any>>

/** A storefront document's app: the view for its path, then the language switcher. */
export function App(p: { state: StorefrontState; view: ViewComponent }) {
  const View = p.view
  return (
    <StorefrontContext.Provider value={p.state}>
      <View params={p.state.view.params} query={p.state.view.query} data={p.state.view.data} />
      <LocaleSwitch />
    </StorefrontContext.Provider>
  )
}
