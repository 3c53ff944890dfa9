import type { Locale } from './localized.ts'
import type { ViewKind } from './routes.ts'

/** One block as the browser receives it: parsed props, what its loader fetched, and slots. */
export interface RenderBlock {
  id: string
  type: string
  props: Record<string, unknown>
  data?: unknown
  slots?: Record<string, RenderBlock[]>
}

/** The view a document shows: its kind, the path's parameters and what its server loader fetched. */
export interface ViewState<D = unknown> {
  kind: ViewKind
  params: Record<string, string>
  /** The request's query parameters, as the server saw them. */
  query: Record<string, string>
  data: D
}

/**
 * Everything the page renders from, on the server and again when the browser hydrates: embedded
 * in the document as JSON, so both sides build the same tree. Never personal (see
 * `app/session.ts` for what the browser fills in).
 */
export interface StorefrontState {
  locale: Locale
  /** The mall's default locale (the switcher offers both). */
  defaultLocale: Locale
  /** URL prefix of the mall on this request: empty on its own host, `/s/<slug>` by path. */
  base: string
  mall: { name: string; slug: string; currency: string }
  view: ViewState
}

/** The id of the element the app renders into, and of the embedded state. */
export const APP_ELEMENT_ID = 'mk-app'
export const STATE_ELEMENT_ID = 'mk-state'
