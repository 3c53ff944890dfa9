import { lazy } from 'solid-js'
import IconChartColumn from '~icons/lucide/chart-column'
import IconCrown from '~icons/lucide/crown'
import IconTicket from '~icons/lucide/ticket'
import IconWallet from '~icons/lucide/wallet'
import { definePluginConsole } from '../../../../builder/src/sections/section.ts'
import { VIEW } from './client.ts'
import { MANAGE_POINTS_MALL } from './points-mall/client.ts'

/**
 * The membership plugin's console, under Marketing: members (list, detail with ledgers and
 * adjustments), top-up packages, the points mall (needs `membership:points-mall.manage`) and the
 * report. The others need `membership:members.view`; adjusting and changing packages need their
 * own permissions, and the screens hide what the role lacks.
 * Tier and earn-rule settings are the plugin's settings, rendered by the plugin centre.
 */
export default definePluginConsole('membership', [
  {
    id: 'membership',
    label: { en: 'Members', 'zh-CN': '会员' },
    icon: IconCrown,
    group: 'marketing',
    permission: VIEW,
    component: lazy(() => import('./members/MembersSection.tsx')),
  },
  {
    id: 'membership-top-ups',
    label: { en: 'Top-up packages', 'zh-CN': '储值套餐' },
    icon: IconWallet,
    group: 'marketing',
    permission: VIEW,
    component: lazy(() => import('./top-ups/PackagesSection.tsx')),
  },
  {
    id: 'membership-points-mall',
    label: { en: 'Points mall', 'zh-CN': '积分商城' },
    icon: IconTicket,
    group: 'marketing',
    permission: MANAGE_POINTS_MALL,
    component: lazy(() => import('./points-mall/PointsMallSection.tsx')),
  },
  {
    id: 'membership-report',
    label: { en: 'Membership report', 'zh-CN': '会员报表' },
    icon: IconChartColumn,
    group: 'marketing',
    permission: VIEW,
    component: lazy(() => import('./report/ReportSection.tsx')),
  },
])
