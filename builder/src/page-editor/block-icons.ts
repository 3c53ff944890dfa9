import type { Component, JSX } from 'solid-js'
import IconBox from '~icons/lucide/box'
import IconFolderKanban from '~icons/lucide/folder-kanban'
import IconGalleryHorizontal from '~icons/lucide/gallery-horizontal'
import IconGift from '~icons/lucide/gift'
import IconHeadset from '~icons/lucide/headset'
import IconLayoutDashboard from '~icons/lucide/layout-dashboard'
import IconLayoutGrid from '~icons/lucide/layout-grid'
import IconList from '~icons/lucide/list'
import IconMegaphone from '~icons/lucide/megaphone'
import IconMinus from '~icons/lucide/minus'
import IconPanelBottom from '~icons/lucide/panel-bottom'
import IconPanelTop from '~icons/lucide/panel-top'
import IconSeparatorHorizontal from '~icons/lucide/separator-horizontal'
import IconShapes from '~icons/lucide/shapes'
import IconText from '~icons/lucide/text'
import IconTicket from '~icons/lucide/ticket'
import IconTicketPercent from '~icons/lucide/ticket-percent'
import IconVideo from '~icons/lucide/video'

type Icon = Component<JSX.SvgSVGAttributes<SVGSVGElement>>

/**
 * The palette's icons by iconify name. Icons compile in at build time (unplugin-icons), so only
 * these are in the bundle: the core blocks' and the bundled plugins'; any other shows a box.
 */
const ICONS: Record<string, Icon> = {
  'lucide:panel-top': IconPanelTop,
  'lucide:megaphone': IconMegaphone,
  'lucide:gallery-horizontal': IconGalleryHorizontal,
  'lucide:layout-dashboard': IconLayoutDashboard,
  'lucide:shapes': IconShapes,
  'lucide:folder-kanban': IconFolderKanban,
  'lucide:layout-grid': IconLayoutGrid,
  'lucide:list': IconList,
  'lucide:text': IconText,
  'lucide:separator-horizontal': IconSeparatorHorizontal,
  'lucide:minus': IconMinus,
  'lucide:video': IconVideo,
  'lucide:headset': IconHeadset,
  'lucide:panel-bottom': IconPanelBottom,
  'lucide:ticket': IconTicket,
  'lucide:ticket-percent': IconTicketPercent,
  'lucide:gift': IconGift,
}

/** The icon component for a block's iconify name. */
export const blockIcon = (name: string): Icon => ICONS[name] ?? IconBox
