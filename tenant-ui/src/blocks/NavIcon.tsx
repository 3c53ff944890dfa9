import type { NavIconName } from '../shared/nav-icons.ts'
import flameSvg from '~icons/lucide/flame?raw'
import giftSvg from '~icons/lucide/gift?raw'
import headsetSvg from '~icons/lucide/headset?raw'
import heartSvg from '~icons/lucide/heart?raw'
import houseSvg from '~icons/lucide/house?raw'
import layoutGridSvg from '~icons/lucide/layout-grid?raw'
import mapPinSvg from '~icons/lucide/map-pin?raw'
import messageCircleSvg from '~icons/lucide/message-circle?raw'
import packageSvg from '~icons/lucide/package?raw'
import searchSvg from '~icons/lucide/search?raw'
import shoppingBagSvg from '~icons/lucide/shopping-bag?raw'
import shoppingCartSvg from '~icons/lucide/shopping-cart?raw'
import sparklesSvg from '~icons/lucide/sparkles?raw'
import starSvg from '~icons/lucide/star?raw'
import storeSvg from '~icons/lucide/store?raw'
import tagSvg from '~icons/lucide/tag?raw'
import ticketPercentSvg from '~icons/lucide/ticket-percent?raw'
import truckSvg from '~icons/lucide/truck?raw'
import userSvg from '~icons/lucide/user?raw'
import walletSvg from '~icons/lucide/wallet?raw'

// The icons' SVG markup (`?raw`), not their components: a nav grid and a tab bar show up to
// fifteen icons, and a component per icon (props merged and spread, a hydration key each) was
// a quarter of the home page's server render. The markup is the same on the server and in the
// browser, so hydration has nothing to reconcile inside it.
const RAW: Record<NavIconName, string> = {
  house: houseSvg,
  'layout-grid': layoutGridSvg,
  search: searchSvg,
  'shopping-cart': shoppingCartSvg,
  'shopping-bag': shoppingBagSvg,
  user: userSvg,
  heart: heartSvg,
  star: starSvg,
  gift: giftSvg,
  tag: tagSvg,
  'ticket-percent': ticketPercentSvg,
  truck: truckSvg,
  package: packageSvg,
  headset: headsetSvg,
  'message-circle': messageCircleSvg,
  'map-pin': mapPinSvg,
  flame: flameSvg,
  sparkles: sparklesSvg,
  store: storeSvg,
  wallet: walletSvg,
}

/** The inside of each icon's `<svg>` (its paths), cut once. */
const INNER = Object.fromEntries(
  Object.entries(RAW).map(([name, svg]) => [name, svg.replace(/^<svg[^>]*>|<\/svg>\s*$/g, '')]),
) as Record<NavIconName, string>

/** A decorative navigation icon from the allowlist (its label is always shown beside it). */
export function NavIcon(p: { name: NavIconName; class?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1.2em"
      height="1.2em"
      aria-hidden="true"
      class={p.class}
      innerHTML={INNER[p.name]}
    />
  )
}
