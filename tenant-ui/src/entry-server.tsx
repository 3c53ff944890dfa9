import { generateHydrationScript, renderToString } from 'solid-js/web'
import { App } from './app/App.tsx'
import type { StorefrontState } from './shared/state.ts'
import { viewComponents } from './views/components.ts'

/** Renders a page's app markup (with hydration keys) and the script the browser needs first. */
export function renderApp(state: StorefrontState): { html: string; hydrationScript: string } {
  return {
    html: renderToString(() => <App state={state} view={viewComponents[state.view.kind]} />),
    hydrationScript: generateHydrationScript(),
  }
}
