import type { PluginPricing } from '../commerce/pricing/plugin-pricing.ts'

export type { DraftRequest, PluginPricing } from '../commerce/pricing/plugin-pricing.ts'

declare module 'hono' {
  interface ContextVariableMap {
    /** On plugin routes only: checkout pricing as a plugin may preview it. */
    pricing: PluginPricing
  }
}
