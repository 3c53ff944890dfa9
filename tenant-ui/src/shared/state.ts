import type { Locale } from './localized.ts'

/** One block as the browser receives it: parsed props, what its loader fetched, and slots. */
export interface RenderBlock {
  id: string
  type: string
  props: Record<string, unknown>
  data?: unknown
  slots?: Record<string, RenderBlock[]>
}

/**
 * Everything the page renders from, on the server and again when the browser hydrates: embedded
 * in the document as JSON, so both sides build the same tree.
 */
export interface StorefrontState {
  locale: Locale
  /** URL prefix of the mall on this request: empty on its own host, `/s/<slug>` by path. */
  base: string
  mall: { name: string; slug: string }
  blocks: RenderBlock[]
}

/** The id of the element the app renders into, and of the embedded state. */
export const APP_ELEMENT_ID = 'mk-app'
export const STATE_ELEMENT_ID = 'mk-state'
