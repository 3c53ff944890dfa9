/**
 * The events of a mall, by name. An open set: plugins add theirs by declaration merging.
 *
 * @example
 * declare module '@mallkit/core/plugin' {
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
