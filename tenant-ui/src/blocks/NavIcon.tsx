import type { NavIconName } from '../shared/nav-icons.ts'
import { svgInner } from './SvgIcon.tsx'
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
const PATHS = Object.fromEntries(
  Object.entries(RAW).map(([name, svg]) => [name, svgInner(svg)]),
) as Record<NavIconName, string>

/** The paths of a navigation icon from the allowlist, for `SvgIcon`. */
export const navIconPaths = (name: NavIconName): string => PATHS[name]
