/**
 * The events of a mall, by name. An open set: plugins add theirs by declaration merging on this
 * module, named by its path (merging through the `@mallkit/core/plugin` re-export does not reach
 * the interface: TypeScript resolves the package to its emitted declarations).
 *
 * @example
 * // plugins/lucky-wheel/src/events.ts
 * declare module '../../../core/src/events/events.ts' {
 *   interface MallEvents { 'lucky-wheel.prize-won': { spinId: string; prizeId: string } }
 * }
 */
export interface MallEvents {
  'plugin.enabled': { pluginId: string }
  'plugin.disabled': { pluginId: string }
  'customer.registered': { customerId: string }
}

export type EventName = keyof MallEvents & string

/** An event as hooks receive it: the payload plus who, where and when. */
export interface MallEvent<N extends EventName = EventName> {
  id: string
  name: N
  tenantId: string
  occurredAt: string
  actor: { kind: string; id: string | null }
  payload: MallEvents[N]
}
