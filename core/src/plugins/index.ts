/**
 * The plugin authoring surface, `@mallkit/core/plugin`: everything a plugin imports from the core.
 */
export {
  adjusterStages,
  defineHook,
  definePlugin,
  definePluginServer,
  type AdjusterStage,
  type BlockManifest,
  type HookDefinition,
  type JobDefinition,
  type Localized,
  type PluginManifest,
  type PluginServer,
  type PriceAdjuster,
  type PriceAdjustment,
  type PricingDraft,
  type PricingLine,
} from './contract.ts'
export type { MallContext, Actor } from '../context.ts'
export type { MallEvents, MallEvent, EventName } from '../events/events.ts'
export { createRouter } from '../http/router.ts'
export { MallError, validationError } from '../http/errors.ts'
export { execAll, tenantTableStatements } from '../db/sql-helpers.ts'
