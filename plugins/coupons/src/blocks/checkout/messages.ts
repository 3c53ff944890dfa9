import { messages } from '../../../../../tenant-ui/src/shared/i18n.ts'

/** The checkout's coupon section's strings. */
export const checkoutCouponText = messages({
  'zh-CN': {
    coupons: '优惠券',
    noCoupon: '不使用优惠券',
    couponSaving: (amount: string) => `可减 ${amount}`,
    couponReason: {
      threshold_not_met: (short: string) => `差 ${short} 可用`,
      outside_scope: () => '订单中没有适用的商品',
      expired: () => '已过期',
      not_yet_valid: () => '尚未生效',
      promotion_not_combinable: () => '不与促销同享',
      no_shipping_fee: () => '订单无运费',
      nothing_to_discount: () => '没有可优惠的金额',
    },
    badCoupon: '所选优惠券已不可用，已为你换回推荐的优惠券。',
  },
  en: {
    coupons: 'Coupons',
    noCoupon: 'No coupon',
    couponSaving: (amount: string) => `Saves ${amount}`,
    couponReason: {
      threshold_not_met: (short: string) => `${short} more to use it`,
      outside_scope: () => 'No item in this order qualifies',
      expired: () => 'Expired',
      not_yet_valid: () => 'Not valid yet',
      promotion_not_combinable: () => 'Not combinable with promotions',
      no_shipping_fee: () => 'This order has no shipping fee',
      nothing_to_discount: () => 'Nothing to discount',
    },
    badCoupon: 'The chosen coupon no longer applies: the best one is chosen again.',
  },
})
