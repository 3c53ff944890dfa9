import { messages } from '../../shared/i18n.ts'
import type { OrderStatus } from './account-types.ts'

const statusZh: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  partially_shipped: '部分发货',
  shipped: '待收货',
  received: '已收货',
  completed: '已完成',
  cancelled: '已取消',
}
const statusEn: Record<OrderStatus, string> = {
  pending_payment: 'To pay',
  paid: 'To ship',
  partially_shipped: 'Partly shipped',
  shipped: 'To receive',
  received: 'Received',
  completed: 'Completed',
  cancelled: 'Cancelled',
}

/** Strings the personal pages share: order statuses, the price summary, forms and dialogs. */
export const accountMessages = messages({
  'zh-CN': {
    status: statusZh,
    subtotal: '商品金额',
    discount: '优惠',
    shipping: '运费',
    shippingFree: '免运费',
    shippingLater: '选择配送方式后计算',
    total: '合计',
    payable: '应付',
    quantity: '数量',
    each: '单价',
    optional: (label: string) => `${label}（选填）`,
    cancel: '取消',
    close: '关闭',
    saving: '保存中…',
    save: '保存',
    fixFields: '请检查标出的内容。',
    tooManyAttempts: '尝试次数过多，请稍后再试。',
    paymentName: { sandbox: '沙箱支付（测试）', wechat: '微信支付' } as Record<string, string>,
    noImage: '暂无图片',
    items: (n: number) => `共 ${n} 件`,
  },
  en: {
    status: statusEn,
    subtotal: 'Items',
    discount: 'Discounts',
    shipping: 'Shipping',
    shippingFree: 'Free',
    shippingLater: 'Chosen with delivery',
    total: 'Total',
    payable: 'To pay',
    quantity: 'Quantity',
    each: 'Each',
    optional: (label: string) => `${label} (optional)`,
    cancel: 'Cancel',
    close: 'Close',
    saving: 'Saving…',
    save: 'Save',
    fixFields: 'Please check the marked fields.',
    tooManyAttempts: 'Too many attempts. Please try again later.',
    paymentName: { sandbox: 'Sandbox (test payment)', wechat: 'WeChat Pay' } as Record<
      string,
      string
    >,
    noImage: 'No picture',
    items: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
  },
})
