import { lazy } from 'solid-js'
import IconTicketPercent from '~icons/lucide/ticket-percent'
import { definePluginConsole } from '../../../../builder/src/sections/section.ts'
import { ISSUE } from './client.ts'

/**
 * The coupons plugin's console: one section under Marketing. Staff who may issue coupons see it
 * (the service role too); creating, editing, status changes and the report need
 * `coupons:coupons.manage`, and the screens hide what the role lacks.
 */
export default definePluginConsole('coupons', [
  {
    id: 'coupons',
    label: { en: 'Coupons', 'zh-CN': '优惠券' },
    icon: IconTicketPercent,
    group: 'marketing',
    permission: ISSUE,
    component: lazy(() => import('./CouponsSection.tsx')),
  },
])
