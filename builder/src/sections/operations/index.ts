import { lazy } from 'solid-js'
import IconClipboardList from '~icons/lucide/clipboard-list'
import IconScrollText from '~icons/lucide/scroll-text'
import IconUserCog from '~icons/lucide/user-cog'
import IconUsers from '~icons/lucide/users'
import type { ConsoleSection } from '../section.ts'

/** Running the store: orders, customers, staff and roles, the audit log. */
export const operationsSections: ConsoleSection[] = [
  {
    id: 'orders',
    label: { en: 'Orders', 'zh-CN': '订单' },
    icon: IconClipboardList,
    group: 'store',
    permission: 'core:orders.read',
    component: lazy(() => import('./orders/OrdersSection.tsx')),
  },
  {
    id: 'customers',
    label: { en: 'Customers', 'zh-CN': '客户' },
    icon: IconUsers,
    group: 'store',
    permission: 'core:customers.read',
    component: lazy(() => import('./customers/CustomersSection.tsx')),
  },
  {
    id: 'staff',
    label: { en: 'Staff', 'zh-CN': '员工' },
    icon: IconUserCog,
    group: 'settings',
    permission: 'core:staff.manage',
    component: lazy(() => import('./staff/StaffSection.tsx')),
  },
  {
    id: 'audit-log',
    label: { en: 'Audit log', 'zh-CN': '操作日志' },
    icon: IconScrollText,
    group: 'settings',
    permission: 'core:audit.read',
    component: lazy(() => import('./audit/AuditSection.tsx')),
  },
]
