import { definePlugin } from '@mallkit/core/plugin'
import { z } from 'zod'

/** Props of the coupon centre block: a list of claimable coupons with what remains of each. */
export const CouponCentreProps = z.object({
  title: z.string().trim().max(40).default('Coupons'),
  /** Which templates to show: all live ones, or the ones listed (in that order). */
  source: z.enum(['all-live', 'chosen']).default('all-live'),
  templateIds: z.array(z.uuid()).max(50).default([]),
  layout: z.enum(['list', 'carousel']).default('list'),
  showRemaining: z.boolean().default(true),
  limit: z.number().int().min(1).max(50).default(10),
})
export type CouponCentreProps = z.infer<typeof CouponCentreProps>

/** Props of the new-customer gift popup: shown once to customers without a paid order. */
export const NewCustomerGiftProps = z.object({
  title: z.string().trim().max(40).default('A gift for your first order'),
  templateIds: z.array(z.uuid()).max(10).default([]),
  /** Show again after dismissal, in days; 0 shows it on every visit until claimed. */
  remindAfterDays: z.number().int().min(0).max(365).default(7),
})
export type NewCustomerGiftProps = z.infer<typeof NewCustomerGiftProps>

/** The coupons plugin: templates, claims, codes, the coupon stage of checkout pricing. */
export const manifest = definePlugin({
  id: 'coupons',
  version: '0.1.0',
  compatibility: '^0.1.0',
  name: { en: 'Coupons', 'zh-CN': '优惠券' },
  description: {
    en: 'Threshold, amount, percentage and free-shipping coupons: claim centre, codes, staff issue',
    'zh-CN': '满减券、立减券、折扣券、免运费券：领券中心、兑换码、定向发放',
  },
  icon: 'lucide:ticket-percent',
  settings: z.object({
    /** Give the coupon back when its order is refunded in full before the coupon expires. */
    returnOnFullRefund: z
      .boolean()
      .default(true)
      .meta({
        label: { en: 'Return coupons on full refund', 'zh-CN': '全额退款退回优惠券' },
        help: {
          en: 'A coupon used on an order refunded in full goes back to its holder if still valid.',
          'zh-CN': '订单全额退款时，若优惠券仍在有效期内，退回给顾客。',
        },
      }),
    /** Preselect the coupon saving the most at checkout when the buyer chose none. */
    preselectBest: z
      .boolean()
      .default(true)
      .meta({
        label: { en: 'Preselect the best coupon', 'zh-CN': '自动选择最优优惠券' },
        help: {
          en: 'At checkout, the coupon saving the most is chosen until the buyer picks another.',
          'zh-CN': '结算时默认选中优惠最多的券，顾客可以改选。',
        },
      }),
    /** Coupons every newly registered customer receives (issued after registration commits). */
    registrationGift: z
      .array(z.uuid())
      .max(10)
      .default([])
      .meta({
        label: { en: 'Registration gift (coupon ids)', 'zh-CN': '注册礼包（优惠券 ID）' },
        help: {
          en: 'Coupons every new customer receives when they register, at most 10.',
          'zh-CN': '新顾客注册后自动发放的优惠券，最多 10 张。',
        },
      }),
  }),
  permissions: {
    'coupons.manage': {
      label: 'Create, edit, pause and end coupons',
      roles: ['owner', 'admin', 'operator'],
    },
    'coupons.issue': {
      label: 'Issue coupons to customers',
      roles: ['owner', 'admin', 'operator', 'service'],
    },
  },
  blocks: {
    'coupon-centre': {
      label: { en: 'Coupon centre', 'zh-CN': '领券中心' },
      icon: 'lucide:ticket',
      category: 'marketing',
      props: CouponCentreProps,
      inspector: {
        templateIds: {
          widget: 'coupon-picker',
          help: { en: 'Used when source is "chosen"', 'zh-CN': '来源为“指定”时使用' },
        },
      },
      placement: { allowIn: ['root'] },
    },
    'new-customer-gift': {
      label: { en: 'New customer gift', 'zh-CN': '新人礼包' },
      icon: 'lucide:gift',
      category: 'marketing',
      props: NewCustomerGiftProps,
      inspector: { templateIds: { widget: 'coupon-picker' } },
      placement: { allowIn: ['root'], maxPerPage: 1 },
    },
  },
})
