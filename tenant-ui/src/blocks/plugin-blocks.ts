import type { Component } from 'solid-js'

/**
 * What a plugin's storefront blocks module exports by default (`"mallkit": { "blocks": … }` in
 * its package.json): its id and a Solid component per block it declares in its manifest. Block
 * `coupon-centre` of plugin `coupons` renders blocks of type `coupons/coupon-centre`.
 */
export interface PluginBlocks {
  pluginId: string
  // Each component types its own props; the page renderer hands them parsed props.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  components: Record<string, Component<any>>
}

/** Declares a plugin's block components, typed against the manifest's block names. */
export function definePluginBlocks<
  const M extends { id: string; blocks?: Record<string, unknown> },
>(
  manifest: M,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  components: { [K in keyof NonNullable<M['blocks']>]: Component<any> },
): PluginBlocks {
  return { pluginId: manifest.id, components }
}
