import { messages } from '../../../app/i18n.ts'

/** The audit log's strings. */
export const auditText = messages({
  en: {
    search: 'Action starts with… (order., staff., plugin.)',
    actor: 'Who',
    anyone: 'Anyone',
    when: 'When',
    action: 'Action',
    target: 'On',
    details: 'Details',
    empty:
      'Nothing logged matches. Clear the filters; staff changes, shipments and refunds are logged here.',
    kind: { staff: 'staff', customer: 'customer', system: 'system' } as Record<string, string>,
  },
  'zh-CN': {
    search: '操作名称开头（order.、staff.、plugin.）',
    actor: '操作人',
    anyone: '所有人',
    when: '时间',
    action: '操作',
    target: '对象',
    details: '详情',
    empty: '没有匹配的记录。清空筛选试试；员工变更、发货和退款等操作都会记录在这里。',
    kind: { staff: '员工', customer: '客户', system: '系统' },
  },
})
