import type { Component } from 'solid-js'
import type { CheckoutPreview } from '../app/ui/account-types.ts'

/**
 * What a plugin's checkout section is given. The checkout sends the section's `selection` as
 * `selections[<plugin id>]` with the price preview and the order, so the plugin's price adjuster
 * reads it there; the preview reloads after every `select`.
 */
export interface CheckoutSectionProps {
  /** The mall's URL prefix, for the store API (`storeApi(base, …)`). */
  base: string
  /** What is bought: the cart (undefined) or the items of "buy now". */
  items: { skuId: string; quantity: number }[] | undefined
  /** The order as last priced (undefined while the first preview loads). */
  preview: CheckoutPreview | undefined
  /**
   * The customer's choice as the checkout keeps it (saved with the rest of the draft);
   * undefined until they choose, which leaves the choice to the plugin (the best coupon…).
   */
  selection: unknown
  select(next: unknown): void
  /**
   * Set when placing or pricing the order refused the selection (a coupon that no longer
   * applies): the checkout has already forgotten the choice; the section may say why.
   */
  refused: string | undefined
}

/**
 * What a plugin's storefront blocks module exports by default (`"mallkit": { "blocks": … }` in
 * its package.json): its id, a Solid component per block it declares in its manifest (block
 * `coupon-centre` of plugin `coupons` renders blocks of type `coupons/coupon-centre`), and
 * optionally its section of the checkout, shown while the plugin is on for the mall.
 */
export interface PluginBlocks {
  pluginId: string
  // Each component types its own props; the page renderer hands them parsed props.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  components: Record<string, Component<any>>
  checkout?: Component<CheckoutSectionProps> | undefined
}

/** Declares a plugin's block components, typed against the manifest's block names. */
export function definePluginBlocks<
  const M extends { id: string; blocks?: Record<string, unknown> },
>(
  manifest: M,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  components: { [K in keyof NonNullable<M['blocks']>]: Component<any> },
  extras: { checkout?: Component<CheckoutSectionProps> } = {},
): PluginBlocks {
  return { pluginId: manifest.id, components, checkout: extras.checkout }
}
