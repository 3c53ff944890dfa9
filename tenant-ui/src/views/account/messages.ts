import { messages } from '../../shared/i18n.ts'

/** The account page's strings. */
export const accountText = messages({
  'zh-CN': {
    title: '我的',
    guestTitle: '登录后查看订单和地址',
    guestText: '登录或注册后，可以管理订单、收货地址和个人资料。',
    login: '登录',
    register: '注册',
    hello: (name: string) => `你好，${name}`,
    name: '昵称',
    editName: '修改昵称',
    saved: '昵称已保存',
    orders: '我的订单',
    allOrders: '全部订单',
    addresses: '收货地址',
    logout: '退出登录',
  },
  en: {
    title: 'Me',
    guestTitle: 'Log in to see your orders and addresses',
    guestText: 'With an account you can follow orders and keep addresses and your profile.',
    login: 'Log in',
    register: 'Create an account',
    hello: (name: string) => `Hello, ${name}`,
    name: 'Name',
    editName: 'Change name',
    saved: 'Name saved',
    orders: 'My orders',
    allOrders: 'All orders',
    addresses: 'Addresses',
    logout: 'Log out',
  },
})
