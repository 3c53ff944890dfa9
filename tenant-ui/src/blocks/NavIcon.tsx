import type { Component, JSX } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import IconFlame from '~icons/lucide/flame'
import IconGift from '~icons/lucide/gift'
import IconHeadset from '~icons/lucide/headset'
import IconHeart from '~icons/lucide/heart'
import IconHouse from '~icons/lucide/house'
import IconLayoutGrid from '~icons/lucide/layout-grid'
import IconMapPin from '~icons/lucide/map-pin'
import IconMessageCircle from '~icons/lucide/message-circle'
import IconPackage from '~icons/lucide/package'
import IconSearch from '~icons/lucide/search'
import IconShoppingBag from '~icons/lucide/shopping-bag'
import IconShoppingCart from '~icons/lucide/shopping-cart'
import IconSparkles from '~icons/lucide/sparkles'
import IconStar from '~icons/lucide/star'
import IconStore from '~icons/lucide/store'
import IconTag from '~icons/lucide/tag'
import IconTicketPercent from '~icons/lucide/ticket-percent'
import IconTruck from '~icons/lucide/truck'
import IconUser from '~icons/lucide/user'
import IconWallet from '~icons/lucide/wallet'
import type { NavIconName } from '../shared/nav-icons.ts'

const ICONS: Record<NavIconName, Component<JSX.SvgSVGAttributes<SVGSVGElement>>> = {
  house: IconHouse,
  'layout-grid': IconLayoutGrid,
  search: IconSearch,
  'shopping-cart': IconShoppingCart,
  'shopping-bag': IconShoppingBag,
  user: IconUser,
  heart: IconHeart,
  star: IconStar,
  gift: IconGift,
  tag: IconTag,
  'ticket-percent': IconTicketPercent,
  truck: IconTruck,
  package: IconPackage,
  headset: IconHeadset,
  'message-circle': IconMessageCircle,
  'map-pin': IconMapPin,
  flame: IconFlame,
  sparkles: IconSparkles,
  store: IconStore,
  wallet: IconWallet,
}

/** A decorative navigation icon from the allowlist (its label is always shown beside it). */
export function NavIcon(p: { name: NavIconName; class?: string }) {
  return <Dynamic component={ICONS[p.name]} aria-hidden="true" class={p.class} />
}
