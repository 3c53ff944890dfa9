import { messages } from '../../shared/i18n.ts'

const pad = (n: number) => String(n).padStart(2, '0')
const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(s / 3600)
  return h > 0
    ? `${h}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`
    : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`
}

/** The pay page's strings. */
export const payText = messages({
  'zh-CN': {
    title: '支付订单',
    due: '应付金额',
    orderNumber: (n: string) => `订单号 ${n}`,
    timeLeft: (ms: number) => `请在 ${clock(ms)} 内完成支付，超时订单将自动取消`,
    expired: '支付时间已过，订单即将自动取消。',
    method: '支付方式',
    pay: (amount: string) => `立即支付 ${amount}`,
    starting: '正在前往支付…',
    checking: '正在确认支付结果…',
    stillChecking: '暂未收到支付结果。如果已经付款，请稍后刷新。',
    refresh: '刷新',
    paidTitle: '支付成功',
    paidText: '商家会尽快为你发货。',
    failed: '支付未成功，你可以重新支付或换一种方式。',
    cancelledTitle: '订单已取消',
    cancelledText: '这笔订单已取消，无需支付。',
    viewOrder: '查看订单',
    keepShopping: '继续逛逛',
    scan: '请使用对应的应用扫码支付：',
    unsupported: '当前设备暂不支持这种支付方式，请换一种。',
    noMethods: '商城暂未开通在线支付，请联系商家。',
  },
  en: {
    title: 'Pay for your order',
    due: 'Amount due',
    orderNumber: (n: string) => `Order ${n}`,
    timeLeft: (ms: number) => `Pay within ${clock(ms)}, or the order is cancelled`,
    expired: 'The time to pay is up; the order will be cancelled.',
    method: 'Payment method',
    pay: (amount: string) => `Pay ${amount}`,
    starting: 'Opening the payment…',
    checking: 'Confirming your payment…',
    stillChecking: 'No word from the payment yet. If you paid, refresh in a moment.',
    refresh: 'Refresh',
    paidTitle: 'Payment received',
    paidText: 'The shop will ship your order soon.',
    failed: 'The payment did not go through. Try again or choose another method.',
    cancelledTitle: 'Order cancelled',
    cancelledText: 'This order was cancelled: there is nothing to pay.',
    viewOrder: 'View order',
    keepShopping: 'Keep shopping',
    scan: 'Scan this code with the payment app:',
    unsupported: 'This device cannot use this payment method. Please choose another.',
    noMethods: 'This shop takes no online payments yet. Please contact the shop.',
  },
})
