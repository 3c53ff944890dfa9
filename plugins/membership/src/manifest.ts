import { definePlugin } from '@mallkit/core/plugin'
import { z } from 'zod'
import { membershipBlocks } from './block-manifests.ts'

const Localized = z.object({
  en: z.string().trim().min(1).max(40),
  'zh-CN': z.string().trim().min(1).max(40),
})

/** One tier customers climb: the growth it needs and what it gives. */
export const TierSetting = z.object({
  /** Stable id: segments (`membership:tier:<id>`) and stored tiers name it. */
  id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'lower-case letters, digits, dashes'),
  name: Localized,
  /** Growth within the evaluation period needed to reach (and keep) the tier. */
  growth: z.number().int().min(0).max(100_000_000),
  /** Member price: percent off every line at checkout (0 for none). */
  discountPercent: z.number().int().min(0).max(50).default(0),
  /** Free shipping when the goods (after member price) reach this, minor units; null for never. */
  freeShippingThreshold: z.number().int().min(0).max(100_000_000).nullable().default(null),
  /** Points earned per order are multiplied by this. */
  pointsMultiplier: z.number().min(1).max(10).default(1),
  /** Points given once a year on the customer's birthday. */
  birthdayPoints: z.number().int().min(0).max(1_000_000).default(0),
  /**
   * A coupon (a template of the coupons plugin) given with the birthday points, once a year;
   * empty for none (a plain string, so the generated settings form can edit it). Skipped, and logged, while coupons is off or when the coupon is refused.
   */
  birthdayCouponId: z
    .string()
    .trim()
    .regex(
      /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i,
      'a coupon id, or empty',
    )
    .default('')
    .meta({
      label: { en: 'Birthday coupon', 'zh-CN': '生日优惠券' },
      help: {
        en: 'The id of a live coupon given once a year on the birthday, with the points; empty for none.',
        'zh-CN': '生日当天随积分一并发放的优惠券（填写进行中的优惠券 ID），每年一次；留空则不发。',
      },
    }),
})
export type TierSetting = z.infer<typeof TierSetting>

const defaultTiers: TierSetting[] = [
  {
    id: 'regular',
    name: { en: 'Regular', 'zh-CN': '普通会员' },
    growth: 0,
    discountPercent: 0,
    freeShippingThreshold: null,
    pointsMultiplier: 1,
    birthdayPoints: 50,
    birthdayCouponId: '',
  },
  {
    id: 'silver',
    name: { en: 'Silver', 'zh-CN': '白银会员' },
    growth: 1000,
    discountPercent: 2,
    freeShippingThreshold: 19900,
    pointsMultiplier: 1.2,
    birthdayPoints: 100,
    birthdayCouponId: '',
  },
  {
    id: 'gold',
    name: { en: 'Gold', 'zh-CN': '黄金会员' },
    growth: 5000,
    discountPercent: 5,
    freeShippingThreshold: 9900,
    pointsMultiplier: 1.5,
    birthdayPoints: 300,
    birthdayCouponId: '',
  },
  {
    id: 'diamond',
    name: { en: 'Diamond', 'zh-CN': '钻石会员' },
    growth: 20000,
    discountPercent: 8,
    freeShippingThreshold: 0,
    pointsMultiplier: 2,
    birthdayPoints: 800,
    birthdayCouponId: '',
  },
]

/** The plugin's settings; every field has a default, so enabling works with `{}`. */
export const MembershipSettings = z.object({
  /** Lowest first; the first needs growth 0. */
  tiers: z
    .array(TierSetting)
    .min(1)
    .max(10)
    .superRefine((tiers, ctx) => {
      if (tiers[0]?.growth !== 0)
        ctx.addIssue({
          code: 'custom',
          path: [0, 'growth'],
          message: 'the first tier needs growth 0',
        })
      tiers.forEach((tier, i) => {
        const before = tiers[i - 1]
        if (before && tier.growth <= before.growth)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'growth'],
            message: 'must be above the tier before',
          })
        if (tiers.findIndex((t) => t.id === tier.id) !== i)
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'already used by another tier' })
      })
    })
    .default(defaultTiers),
  growth: z
    .object({
      /** Growth per ¥1 (100 minor units) of a completed order's total. */
      perYuan: z.number().int().min(0).max(100).default(1),
      /**
       * Tiers are kept for this many days after they were reached or last confirmed; then the
       * growth of the last period decides, and a lower tier applies (upgrades apply at once).
       */
      evaluationDays: z.number().int().min(30).max(3650).default(365),
    })
    .default({ perYuan: 1, evaluationDays: 365 }),
  points: z
    .object({
      /** Points per ¥1 of a completed order's total (before the tier multiplier). */
      perYuan: z.number().int().min(0).max(100).default(1),
      registration: z.number().int().min(0).max(100_000).default(100),
      /** Points of a calendar year expire at the end of the next (mall's timezone). */
      expire: z.boolean().default(true),
      share: z
        .number()
        .int()
        .min(0)
        .max(1000)
        .default(0)
        .meta({
          label: { en: 'Points per share', 'zh-CN': '分享得积分' },
          help: {
            en: 'Points for sharing a page, once per page a day; 0 switches sharing rewards off.',
            'zh-CN': '分享页面可得的积分，同一页面每天一次；0 为不奖励。',
          },
        }),
      shareDailyCap: z
        .number()
        .int()
        .min(0)
        .max(100)
        .default(3)
        .meta({
          label: { en: 'Rewarded shares a day', 'zh-CN': '每日分享奖励次数' },
          help: {
            en: "At most this many shares earn points a day (the mall's timezone).",
            'zh-CN': '每天最多奖励的分享次数（按店铺时区计算）。',
          },
        }),
      review: z
        .number()
        .int()
        .min(0)
        .max(10_000)
        .default(10)
        .meta({
          label: { en: 'Points per review', 'zh-CN': '评价得积分' },
          help: {
            en: 'Points for a published review, whatever its rating; 0 for none.',
            'zh-CN': '发布评价可得的积分，与评分无关；0 为不奖励。',
          },
        }),
      buyerShow: z
        .number()
        .int()
        .min(0)
        .max(10_000)
        .default(20)
        .meta({
          label: { en: 'Points per buyer show', 'zh-CN': '晒单得积分' },
          help: {
            en: 'Points for a published buyer show (photos of what was bought); 0 for none.',
            'zh-CN': '发布晒单可得的积分；0 为不奖励。',
          },
        }),
      reviewDailyCap: z
        .number()
        .int()
        .min(0)
        .max(100)
        .default(5)
        .meta({
          label: { en: 'Rewarded reviews a day', 'zh-CN': '每日评价奖励次数' },
          help: {
            en: "At most this many reviews and buyer shows earn points a day (the mall's timezone).",
            'zh-CN': '每天最多奖励的评价和晒单次数（按店铺时区计算）。',
          },
        }),
    })
    .default({
      perYuan: 1,
      registration: 100,
      expire: true,
      share: 0,
      shareDailyCap: 3,
      review: 10,
      buyerShow: 20,
      reviewDailyCap: 5,
    }),
  checkIn: z
    .object({
      points: z.number().int().min(0).max(10_000).default(5),
      /** Every `streakDays` consecutive days, `streakBonus` more points. */
      streakDays: z.number().int().min(2).max(365).default(7),
      streakBonus: z.number().int().min(0).max(100_000).default(20),
      /** Missed days that can be made up per calendar month, within `makeUpWithinDays`. */
      makeUpPerMonth: z.number().int().min(0).max(31).default(2),
      makeUpWithinDays: z.number().int().min(1).max(31).default(7),
      /** What a make-up costs, in points (0 for free). */
      makeUpCost: z.number().int().min(0).max(10_000).default(10),
    })
    .default({
      points: 5,
      streakDays: 7,
      streakBonus: 20,
      makeUpPerMonth: 2,
      makeUpWithinDays: 7,
      makeUpCost: 10,
    }),
  redemption: z
    .object({
      enabled: z.boolean().default(true),
      /** How many points make ¥1 off. */
      pointsPerYuan: z.number().int().min(1).max(10_000).default(100),
      /** At most this share of the goods may be paid with points. */
      maxSharePercent: z.number().int().min(1).max(100).default(50),
    })
    .default({ enabled: true, pointsPerYuan: 100, maxSharePercent: 50 }),
  storedValue: z
    .object({
      enabled: z.boolean().default(true),
      /** Most a customer's (named) balance may hold, minor units (BRIEF §6: ¥5,000). */
      cap: z.number().int().min(0).max(500_000).default(500_000),
    })
    .default({ enabled: true, cap: 500_000 }),
  card: z
    .object({
      /** The paid member card (会员卡): sold as products of the catalog, see `plans`. */
      enabled: z.boolean().default(false),
      /**
       * The card's plans: buying `skuId` through the normal checkout adds `days` per unit once the
       * order is paid. A plan without a SKU is not on sale.
       */
      plans: z
        .array(
          z.object({
            id: z.enum(['monthly', 'quarterly', 'yearly']),
            days: z.number().int().min(1).max(3660),
            skuId: z.uuid().nullable().default(null),
          }),
        )
        .max(3)
        .default([
          { id: 'monthly', days: 31, skuId: null },
          { id: 'quarterly', days: 92, skuId: null },
          { id: 'yearly', days: 366, skuId: null },
        ]),
      /** A one-time free trial per customer, in days (0 for none). */
      trialDays: z.number().int().min(0).max(90).default(7),
      /** On top of the tier: percent off every line, and more points per order. */
      discountPercent: z.number().int().min(0).max(50).default(5),
      pointsMultiplierBonus: z.number().min(0).max(10).default(0.5),
      /** `membership.card-expiring` is emitted this many days before the card ends. */
      remindDaysBefore: z.number().int().min(1).max(30).default(3),
    })
    .default({
      enabled: false,
      plans: [
        { id: 'monthly', days: 31, skuId: null },
        { id: 'quarterly', days: 92, skuId: null },
        { id: 'yearly', days: 366, skuId: null },
      ],
      trialDays: 7,
      discountPercent: 5,
      pointsMultiplierBonus: 0.5,
      remindDaysBefore: 3,
    }),
})
export type MembershipSettings = z.infer<typeof MembershipSettings>

/** The membership plugin: tiers, points, check-in, stored value, member card, birthday rewards. */
export const manifest = definePlugin({
  id: 'membership',
  version: '0.1.0',
  compatibility: '^0.1.0',
  name: { en: 'Membership', 'zh-CN': '会员中心' },
  description: {
    en: 'Tiers with member prices, points (earn, check-in, redeem at checkout), stored value',
    'zh-CN': '会员等级与会员价、积分（获取、签到、抵现）、储值余额',
  },
  icon: 'lucide:crown',
  settings: MembershipSettings,
  blocks: membershipBlocks,
  permissions: {
    'members.view': {
      label: 'See members, their ledgers and the membership report',
      roles: ['owner', 'admin', 'operator', 'service'],
    },
    'members.adjust': {
      label: 'Adjust points, balance and growth of a member (with a reason)',
      roles: ['owner', 'admin'],
    },
    'top-ups.manage': {
      label: 'Manage top-up packages and confirm top-up payments',
      roles: ['owner', 'admin'],
    },
    'points-mall.manage': {
      label: 'Manage the points mall: items, points prices and stock',
      roles: ['owner', 'admin', 'operator'],
    },
  },
})
