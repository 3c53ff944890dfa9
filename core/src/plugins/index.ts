/**
 * The plugin authoring surface, `@mallkit/core/plugin`: everything a plugin imports from the core.
 */
export {
  adjusterStages,
  defineHook,
  definePlugin,
  definePluginServer,
  permission,
  pluginDb,
  type AdjusterStage,
  type BlockManifest,
  type HookDefinition,
  type JobDefinition,
  type Localized,
  type PermissionOf,
  type PlacedAdjustments,
  type PluginManifest,
  type PluginServer,
  type PriceAdjuster,
  type PriceAdjustment,
  type PricingDraft,
  type PricingLine,
  type Segment,
  type SegmentProvider,
} from './contract.ts'
export type { SegmentDirectory } from './segments.ts'
export {
  definePluginErrors,
  PluginError,
  type PluginErrorDefinition,
  type PluginErrorFactory,
} from './errors.ts'
export type { MallContext, Actor } from '../context.ts'
export type { DraftRequest, PluginPricing } from './route-tools.ts'
export { type MallEvents, type MallEvent, type EventName } from '../events/events.ts'
export { createRouter } from '../http/router.ts'
export type { MallEnv } from '../http/env.ts'
export { MallError, validationError, fieldErrorsFromZod } from '../http/errors.ts'
export { currentCustomer } from '../http/session-guards.ts'
export {
  execAll,
  tenantTableStatements,
  storefrontNotifyStatements,
  escapeLike,
  customerMatches,
} from '../db/sql-helpers.ts'
export { allocateProportionally } from '../commerce/pricing/allocate.ts'
export { IdempotencyHeaders } from '../commerce/orders/checkout-schema.ts'
export { summarizePrice, type PricedCart, type PricedLine } from '../commerce/pricing/summarize.ts'
export type { OrderEventPayload } from '../commerce/orders/events.ts'
export type { PaymentRefundedPayload } from '../commerce/payments/events.ts'
export {
  afterCursor,
  commonErrors,
  cursorTime,
  decodeCursor,
  json,
  jsonBody,
  keysetPage,
  PageQuery,
} from '../http/openapi.ts'
