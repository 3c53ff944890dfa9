import { hydrate } from 'solid-js/web'
import { App, type ViewComponent } from './app/App.tsx'
import { rememberLocale } from './app/LocaleSwitch.tsx'
import { loadSession } from './app/session.ts'
import { APP_ELEMENT_ID, STATE_ELEMENT_ID, type StorefrontState } from './shared/state.ts'
import { clientViews } from './views/registry.client.ts'
import PageView from './views/page/PageView.tsx'
import './app/base.css'

const root = document.getElementById(APP_ELEMENT_ID)
const state = document.getElementById(STATE_ELEMENT_ID)?.textContent
if (root && state) {
  const parsed = JSON.parse(state) as StorefrontState
  const kind = parsed.view.kind
  // The view's chunk is preloaded by the document, so this import does not wait on the network.
  const view: ViewComponent = kind === 'page' ? PageView : (await clientViews[kind]()).default
  hydrate(() => <App state={parsed} view={view} />, root)
  // Tests wait for this; the personal parts (cart badge, login) follow.
  document.documentElement.dataset.hydrated = 'true'
  void loadSession(parsed.base)
  // A link with `?lang=` chooses the language for the pages after it too.
  if (parsed.view.query.lang === parsed.locale) rememberLocale(parsed.locale, parsed.base)
}
