/** The lucide icons navigation blocks (icon nav, tab bar) may show, by name. */
export const NAV_ICON_NAMES = [
  'house',
  'layout-grid',
  'search',
  'shopping-cart',
  'shopping-bag',
  'user',
  'heart',
  'star',
  'gift',
  'tag',
  'ticket-percent',
  'truck',
  'package',
  'headset',
  'message-circle',
  'map-pin',
  'flame',
  'sparkles',
  'store',
  'wallet',
] as const

/** One of the allowed navigation icons. */
export type NavIconName = (typeof NAV_ICON_NAMES)[number]
