import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Migration } from 'kysely/migration'
import semver from 'semver'
import type { z } from 'zod'
import type { PermissionDefinition } from '../auth/permissions.ts'
import type { MallContext } from '../context.ts'
import type { EventName, MallEvent } from '../events/events.ts'
import type { MallEnv } from '../http/env.ts'

/** Text shown to people, in both first-class locales. */
export type Localized = { en: string; 'zh-CN': string }

/** A storefront block a plugin offers; its Solid component lives in the plugin's blocks facet. */
export interface BlockManifest {
  label: Localized
  /** An iconify name, e.g. `lucide:gift`. */
  icon: string
  category: string
  /** The block's props, with defaults: the builder's inspector is generated from it. */
  props: z.ZodType
  /** Per-prop hints for the inspector (widget, help text). */
  inspector?: Record<string, { widget?: string; help?: Localized }>
  /** Named slots other blocks can be dropped into. */
  slots?: Record<string, { label: Localized; allow?: readonly string[] }>
  /** Where it may be placed (`root` or `<block type>.<slot>`) and how many per page. */
  placement?: { allowIn?: readonly string[]; maxPerPage?: number }
}

/** The isomorphic part of a plugin: zod only, safe in Node and in browsers. */
export interface PluginManifest<TSettings extends z.ZodType = z.ZodType> {
  /** Kebab-case and permanent: tables, routes, permissions and events derive from it. */
  id: string
  version: string
  /** The semver range of `@mallkit/core` versions this plugin works with. */
  compatibility: string
  /** Other plugins this one needs, by id, with the version range it needs. */
  dependsOn?: Record<string, string>
  name: Localized
  description?: Localized
  icon?: string
  /** Per-mall settings; every field needs a default so enabling works with `{}`. */
  settings: TSettings
  /** Permissions by local name (`prizes.manage` becomes `<id>:prizes.manage`). */
  permissions?: Record<string, PermissionDefinition>
  /** Blocks by local name (`wheel` becomes block type `<id>/wheel`). */
  blocks?: Record<string, BlockManifest>
}

const pluginId = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/
const localName = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/

/**
 * Declares a plugin's manifest. Checks the naming rules at definition time, so a typo fails the
 * plugin's own tests rather than a mall at runtime.
 */
export function definePlugin<const M extends PluginManifest>(manifest: M): M {
  const problems: string[] = []
  if (!pluginId.test(manifest.id)) problems.push(`id "${manifest.id}" is not kebab-case`)
  if (!semver.valid(manifest.version)) problems.push(`version "${manifest.version}" is not semver`)
  if (!semver.validRange(manifest.compatibility))
    problems.push(`compatibility "${manifest.compatibility}" is not a semver range`)
  for (const [dep, range] of Object.entries(manifest.dependsOn ?? {}))
    if (!semver.validRange(range))
      problems.push(`dependsOn.${dep} "${range}" is not a semver range`)
  for (const name of Object.keys(manifest.permissions ?? {}))
    if (!localName.test(name)) problems.push(`permission "${name}" must look like "prizes.manage"`)
  for (const name of Object.keys(manifest.blocks ?? {}))
    if (!pluginId.test(name)) problems.push(`block "${name}" is not kebab-case`)
  if (!manifest.settings.safeParse({}).success)
    problems.push('settings must parse {} (give every field a default)')
  if (problems.length) throw new Error(`Plugin manifest ${manifest.id}: ${problems.join('; ')}`)
  return manifest
}

/**
 * A mall's saved settings of a plugin, or the defaults when they no longer parse: settings saved
 * under an older, looser schema must not break the plugin (`definePlugin` checks `{}` parses).
 */
export function savedSettings<S extends z.ZodType>(schema: S, saved: unknown): z.infer<S> {
  return schema.safeParse(saved ?? {}).data ?? schema.parse({})
}

/** A hook on an event: `inline` runs in the emitting transaction, `afterCommit` via the outbox. */
export interface HookDefinition<N extends EventName = EventName> {
  event: N
  /** Unique within the plugin; deliveries are deduplicated per (event id, plugin id + name). */
  name: string
  mode: 'inline' | 'afterCommit'
  handle(ctx: MallContext, event: MallEvent<N>): Promise<void>
}

/** Declares a hook with its event's payload typed. */
export function defineHook<N extends EventName>(hook: HookDefinition<N>): HookDefinition<N> {
  return hook
}

/** The stage a price adjuster runs in; stages run in this order. */
export const adjusterStages = [
  'member-price',
  'promotion',
  'coupon',
  'points',
  'stored-value',
] as const
export type AdjusterStage = (typeof adjusterStages)[number]

/** One explained change to a price, in integer minor units (negative is a discount). */
export interface PriceAdjustment {
  code: string
  amount: number
  reason: Localized
  /** The cart line it applies to; absent for order-level adjustments. */
  lineId?: string
  /**
   * `shipping` reduces the shipping fee instead of the goods (free-shipping coupons); capped at
   * the fee. Absent: it reduces the goods, of its line or of the whole order.
   */
  target?: 'shipping'
  /**
   * The adjuster's own reference for what it applied (a coupon id): handed back to its `place`
   * step and kept on the order, so the discount stays explained after the plugin is turned off.
   */
  ref?: string
}

/** A line of the cart being priced. The commerce kernel fills in more as it grows. */
export interface PricingLine {
  id: string
  skuId: string
  quantity: number
  unitPrice: number
  /** The SKU's product; `priceCart` looks it up when the caller leaves it out. */
  productId?: string
  /** The product's category and all its ancestors, nearest first; `[]` when uncategorised. */
  categoryIds?: readonly string[]
}

/** What an adjuster sees: the cart so far, who buys it, and its plugin's checkout selection. */
export interface PricingDraft {
  currency: string
  /** Lines with `productId` and `categoryIds` filled in. */
  lines: readonly (PricingLine & { productId: string; categoryIds: readonly string[] })[]
  /**
   * The adjustments of the stages before this one (and of earlier adjusters of this stage), each
   * with the stage that made it (the coupon stage tells promotions from member prices by it).
   */
  adjustments: readonly (PriceAdjustment & { stage: AdjusterStage })[]
  /** The signed-in customer, or null for a guest's cart. */
  customerId: string | null
  /** The shipping fee for the subtotal after `adjustments`; 0 while no delivery is chosen. */
  shippingFee: number
  /**
   * This plugin's part of the checkout body (`selections.<plugin id>`), parsed by the plugin's
   * `selection` schema; `undefined` when the buyer chose nothing (adjusters may pick the best).
   */
  selection: unknown
}

/** What a placed order kept of one adjuster's work, handed to its `place` step. */
export interface PlacedAdjustments {
  orderId: string
  customerId: string
  /** The draft the adjuster priced. */
  draft: PricingDraft
  /** Its adjustments as applied to the order (amounts capped where the order ran out). */
  adjustments: readonly PriceAdjustment[]
}

/** A step of the checkout pricing pipeline. */
export interface PriceAdjuster {
  name: string
  stage: AdjusterStage
  adjust(ctx: MallContext, draft: PricingDraft): Promise<PriceAdjustment[]>
  /**
   * Runs in the order-placing transaction once the order row exists, when this adjuster applied
   * something: takes what the discount consumes (locks the coupon). Throwing a `MallError`
   * refuses the order and rolls everything back; the plugin undoes the take in its hooks on
   * `order.cancelled` and `payment.refunded`.
   */
  place?(ctx: MallContext, placed: PlacedAdjustments): Promise<void>
}

/** A background job kind; scheduled ones run per mall where the plugin is enabled. */
export interface JobDefinition {
  handle(ctx: MallContext, payload: unknown): Promise<void>
  schedule?: { everyMinutes: number }
  maxAttempts?: number
}

/** A named group of customers a plugin defines (a membership tier), for coupon audiences. */
export interface Segment {
  /** `<plugin id>:<name>`, permanent (audiences store it): `membership:tier:gold`. */
  id: string
  label: Localized
}

/**
 * A plugin's customer segments. Other plugins ask the core's directory (`ctx.segments`), which
 * routes each question to the plugin owning the segment's id prefix while that plugin is enabled
 * for the mall, so no plugin reads another's tables.
 */
export interface SegmentProvider {
  /** The segments this plugin defines in the mall; ids must start with `<plugin id>:`. */
  list(ctx: MallContext): Promise<Segment[]>
  /** The ids of this plugin's segments the customer is in. */
  of(ctx: MallContext, customerId: string): Promise<string[]>
}

/** The Node part of a plugin. */
export interface PluginServer<M extends PluginManifest = PluginManifest> {
  manifest: M
  /** Kysely migrations with their own ledger (`migrations__<id_snake>`); append only. */
  migrations?: Record<string, Migration>
  /** Mounted at `/api/store/p/<id>`; 404 while the plugin is off for the mall. */
  store?: OpenAPIHono<MallEnv>
  /** Mounted at `/api/admin/p/<id>`; staff session required. */
  admin?: OpenAPIHono<MallEnv>
  hooks?: readonly HookDefinition<any>[]
  adjusters?: readonly PriceAdjuster[]
  /**
   * The plugin's part of the checkout body, `selections.<id>` (the coupon the buyer chose). The
   * core parses it with this schema, answering 422 naming `body.selections.<id>.…` when it does not
   * parse, and hands the result to the plugin's adjusters as `draft.selection`.
   */
  selection?: z.ZodType
  /** Customer segments this plugin defines (see `SegmentProvider`). */
  segments?: SegmentProvider
  /** Job kinds by local name (`<id>:<name>` in the queue). */
  jobs?: Record<string, JobDefinition>
  onEnable?(ctx: MallContext, settings: z.infer<M['settings']>): Promise<void>
  onDisable?(ctx: MallContext): Promise<void>
}

/** Declares the server facet of a plugin. */
export function definePluginServer<M extends PluginManifest>(
  manifest: M,
  facet: Omit<PluginServer<M>, 'manifest'>,
): PluginServer<M> {
  return { manifest, ...facet }
}

/** The local permission names a manifest declares (`coupons.manage`). */
export type PermissionOf<M extends PluginManifest> = keyof NonNullable<M['permissions']> & string

/**
 * The full name of one of the manifest's permissions, `<id>:<local>`; a name the manifest does
 * not declare fails to compile.
 *
 * @example ctx.require(permission(manifest, 'coupons.manage')) // 'coupons:coupons.manage'
 */
export function permission<const M extends PluginManifest, P extends PermissionOf<M>>(
  manifest: M,
  local: P,
): `${M['id']}:${P}` {
  return `${manifest.id}:${local}` as `${M['id']}:${P}`
}

/**
 * The mall's transaction with the plugin's own tables typed beside the core's, for plugins
 * whose migrations create tables (`ctx.db` knows only the core's).
 *
 * @example const db = pluginDb<CouponTables>(ctx); await db.selectFrom('coupons__template')…
 */
export function pluginDb<T extends Record<string, object>>(ctx: MallContext) {
  return ctx.db.withTables<T>()
}
