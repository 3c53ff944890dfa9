import { hydrate } from 'solid-js/web'
import { App } from './app/App.tsx'
import { APP_ELEMENT_ID, STATE_ELEMENT_ID, type StorefrontState } from './shared/state.ts'
import './app/base.css'

const root = document.getElementById(APP_ELEMENT_ID)
const state = document.getElementById(STATE_ELEMENT_ID)?.textContent
if (root && state) {
  const parsed = JSON.parse(state) as StorefrontState
  hydrate(() => <App state={parsed} />, root)
  // Tests and the personal parts (cart badge, login) wait for this.
  document.documentElement.dataset.hydrated = 'true'
}
