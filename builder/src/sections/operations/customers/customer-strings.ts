import { messages } from '../../../app/i18n.ts'

/** The customer screens' strings. */
export const customerText = messages({
  en: {
    search: 'Search by name, email or phone',
    empty:
      'No customer matches. Clear the search; customers appear here once they register in the storefront.',
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    joined: 'Joined',
    profile: 'Profile',
    addresses: 'Addresses',
    noAddresses: 'No saved address yet: the customer adds them at checkout.',
    isDefault: 'Default',
    orders: 'Orders',
    noOrders: 'No orders yet.',
    more: 'Load more',
    unnamed: '(no name)',
  },
  'zh-CN': {
    search: '按姓名、邮箱或手机号搜索',
    empty: '没有匹配的客户。清空搜索试试；客户在店铺注册后会出现在这里。',
    name: '姓名',
    email: '邮箱',
    phone: '手机号',
    joined: '注册时间',
    profile: '资料',
    addresses: '收货地址',
    noAddresses: '还没有保存的地址：客户结算时会添加。',
    isDefault: '默认',
    orders: '订单',
    noOrders: '还没有订单。',
    more: '加载更多',
    unnamed: '（未填写姓名）',
  },
})
