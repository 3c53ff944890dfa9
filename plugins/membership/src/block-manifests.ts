import type { BlockManifest } from '@mallkit/core/plugin'
import { z } from 'zod'

/** Props of the member card: the customer's tier, progress, points and balance. */
export const MemberCardProps = z.object({
  /** Empty shows "Member centre" in the page's language. */
  title: z.string().trim().max(40).default(''),
  showBalance: z.boolean().default(true),
  showProgress: z.boolean().default(true),
})
export type MemberCardProps = z.infer<typeof MemberCardProps>

/** Props of the check-in block: the month's calendar, the streak, check in and make-up. */
export const CheckInProps = z.object({
  title: z.string().trim().max(40).default(''),
  showMakeUp: z.boolean().default(true),
})
export type CheckInProps = z.infer<typeof CheckInProps>

/** Props of the top-up block: the mall's top-up packages with their bonus. */
export const TopUpProps = z.object({
  title: z.string().trim().max(40).default(''),
})
export type TopUpProps = z.infer<typeof TopUpProps>

/** Props of a ledger history block (points or balance), placed on a custom page. */
export const HistoryProps = z.object({
  title: z.string().trim().max(40).default(''),
  pageSize: z.number().int().min(5).max(50).default(20),
})
export type HistoryProps = z.infer<typeof HistoryProps>

/** Props of the benefits block: every tier and its benefits (the customer's marked), the earn rules. */
export const BenefitsProps = z.object({
  title: z.string().trim().max(40).default(''),
})
export type BenefitsProps = z.infer<typeof BenefitsProps>

/** Props of the paid member card promotion: the card's state, its trial, and where to buy it. */
export const PaidCardProps = z.object({
  title: z.string().trim().max(40).default(''),
  /**
   * Where the card is sold while no plan is on sale (the plans on sale are listed with their own
   * buy-now buttons): a page about the card.
   */
  buyLink: z.string().trim().max(500).default(''),
  /** One line on what the card gives (the mall's words); empty for the default. */
  pitch: z.string().trim().max(80).default(''),
})
export type PaidCardProps = z.infer<typeof PaidCardProps>

/** Props of the points mall: the coupons the mall offers for points. */
export const PointsMallProps = z.object({
  /** Empty shows "Points mall" in the page's language. */
  title: z.string().trim().max(40).default(''),
  /** How many offers to show at most, in the mall's order. */
  limit: z.number().int().min(1).max(100).default(20),
})
export type PointsMallProps = z.infer<typeof PointsMallProps>

const once = { allowIn: ['root'], maxPerPage: 1 } as const

/**
 * The membership plugin's storefront blocks, as the manifest declares them (`blocks:
 * membershipBlocks`). The storefront has no plugin pages, so the points and balance histories and
 * the benefits are blocks a merchant places on custom pages (`/member/points`…).
 */
export const membershipBlocks = {
  'member-card': {
    label: { en: 'Member card', 'zh-CN': '会员卡' },
    icon: 'lucide:crown',
    category: 'marketing',
    props: MemberCardProps,
    inspector: {
      title: { help: { en: 'Empty: "Member centre"', 'zh-CN': '留空显示“会员中心”' } },
    },
    placement: once,
  },
  'check-in': {
    label: { en: 'Daily check-in', 'zh-CN': '每日签到' },
    icon: 'lucide:calendar-check',
    category: 'marketing',
    props: CheckInProps,
    inspector: {
      showMakeUp: {
        help: {
          en: 'Offer make-ups of missed days when the settings allow them',
          'zh-CN': '设置允许时可补签漏签的日子',
        },
      },
    },
    placement: once,
  },
  'top-up': {
    label: { en: 'Top-up', 'zh-CN': '储值充值' },
    icon: 'lucide:wallet',
    category: 'marketing',
    props: TopUpProps,
    placement: once,
  },
  'points-history': {
    label: { en: 'Points history', 'zh-CN': '积分明细' },
    icon: 'lucide:list',
    category: 'marketing',
    props: HistoryProps,
    placement: once,
  },
  'balance-history': {
    label: { en: 'Balance history', 'zh-CN': '余额明细' },
    icon: 'lucide:receipt',
    category: 'marketing',
    props: HistoryProps,
    placement: once,
  },
  'paid-card': {
    label: { en: 'Paid member card', 'zh-CN': '付费会员卡' },
    icon: 'lucide:id-card',
    category: 'marketing',
    props: PaidCardProps,
    inspector: {
      buyLink: {
        widget: 'link',
        help: {
          en: 'Shown while no plan is on sale; plans with a SKU in the settings get their own buy button',
          'zh-CN': '无在售套餐时显示；设置中配置了规格的套餐各有购买按钮',
        },
      },
    },
    placement: once,
  },
  benefits: {
    label: { en: 'Member benefits', 'zh-CN': '会员权益' },
    icon: 'lucide:gift',
    category: 'marketing',
    props: BenefitsProps,
    placement: once,
  },
  'points-mall': {
    label: { en: 'Points mall', 'zh-CN': '积分商城' },
    icon: 'lucide:ticket',
    category: 'marketing',
    props: PointsMallProps,
    inspector: {
      title: { help: { en: 'Empty: "Points mall"', 'zh-CN': '留空显示“积分商城”' } },
    },
    placement: once,
  },
} satisfies Record<string, BlockManifest>
