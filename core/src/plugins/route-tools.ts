import type { TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import type { PluginPricing } from '../commerce/pricing/plugin-pricing.ts'

export type { DraftRequest, PluginPricing } from '../commerce/pricing/plugin-pricing.ts'

declare module 'hono' {
  interface ContextVariableMap {
    /** On plugin routes only: checkout pricing as a plugin may preview it. */
    pricing: PluginPricing
    /**
     * On plugin routes only: answers with `load()`'s value as JSON shared by every shopper of the
     * mall, kept in the process's cache under `key` (the plugin's id is added) until anything in
     * the mall changes (plugin settings, catalog, pages), sent with an ETag and revalidated on
     * each use. Never for anything personal.
     *
     * @example return c.var.sharedJson('program', () => c.var.inMall((ctx) => programView(ctx)))
     */
    sharedJson: SharedJson
  }
}

/** See `sharedJson` on the plugin routes' context. */
export type SharedJson = <T>(
  key: string,
  load: () => Promise<T>,
) => Promise<Response & TypedResponse<JSONParsed<T>, 200, 'json'>>
