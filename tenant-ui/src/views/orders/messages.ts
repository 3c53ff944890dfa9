import { messages } from '../../shared/i18n.ts'

/** The order list's strings. */
export const ordersText = messages({
  'zh-CN': {
    title: '我的订单',
    tabs: {
      all: '全部',
      to_pay: '待付款',
      to_ship: '待发货',
      to_receive: '待收货',
      completed: '已完成',
    },
    tabsLabel: '按状态筛选订单',
    emptyTitle: '还没有这类订单',
    emptyText: '下单后可以在这里查看进度。',
    goShopping: '去逛逛',
    more: '加载更多',
    loadingMore: '加载中…',
    number: (n: string) => `订单号 ${n}`,
    total: (amount: string, n: number) => `共 ${n} 件，合计 ${amount}`,
    pay: '去支付',
  },
  en: {
    title: 'My orders',
    tabs: {
      all: 'All',
      to_pay: 'To pay',
      to_ship: 'To ship',
      to_receive: 'To receive',
      completed: 'Completed',
    },
    tabsLabel: 'Filter orders by status',
    emptyTitle: 'No orders here yet',
    emptyText: 'Orders you place show up here with their progress.',
    goShopping: 'Start shopping',
    more: 'Load more',
    loadingMore: 'Loading…',
    number: (n: string) => `Order ${n}`,
    total: (amount: string, n: number) => `${n} item${n === 1 ? '' : 's'}, total ${amount}`,
    pay: 'Pay now',
  },
})

/** The list's tabs and the statuses each shows (`?status=` of `/api/store/orders`). */
export const ORDER_TABS = {
  all: undefined,
  to_pay: 'pending_payment',
  to_ship: 'paid,partially_shipped',
  to_receive: 'shipped',
  completed: 'received,completed',
} as const
export type OrderTab = keyof typeof ORDER_TABS
