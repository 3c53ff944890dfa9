import { describe, expect, it } from 'vitest'
import { benefitLines } from '../benefits/benefit-lines.ts'
import { earnLines } from '../benefits/earn-lines.ts'
import { progressPercent } from '../member-card/progress.ts'
import { entryLabel } from '../history/entry-label.ts'
import type { Entry } from './api.ts'
import { memberText } from './messages.ts'

const tier = (over: Partial<Parameters<typeof benefitLines>[0]> = {}) => ({
  id: 'gold',
  name: { en: 'Gold', 'zh-CN': '黄金会员' },
  growth: 5000,
  discountPercent: 5,
  freeShippingThreshold: 9900,
  pointsMultiplier: 1.5,
  birthdayPoints: 300,
  ...over,
})

describe('the member card progress', () => {
  it('measures the growth of the period against the next tier, and is full at the top', () => {
    expect(progressPercent({ periodGrowth: 1250, next: { tier: tier(), missing: 3750 } })).toBe(25)
    expect(progressPercent({ periodGrowth: 9000, next: { tier: tier(), missing: 0 } })).toBe(100)
    expect(progressPercent({ periodGrowth: 0, next: null })).toBe(100)
  })
})

describe('tier benefits wording', () => {
  it('states member price as 折 in Chinese and percent off in English', () => {
    expect(benefitLines(tier(), memberText['zh-CN'])).toEqual([
      '会员价 9.5 折',
      '满 ¥99.00 包邮',
      '购物积分 1.5 倍',
      '生日礼 300 积分',
    ])
    expect(benefitLines(tier(), memberText.en)[0]).toBe('5% off as member price')
  })

  it('says when there is no member price, and free shipping on everything at threshold 0', () => {
    const lines = benefitLines(
      tier({
        discountPercent: 0,
        freeShippingThreshold: 0,
        pointsMultiplier: 1,
        birthdayPoints: 0,
      }),
      memberText.en,
    )
    expect(lines).toEqual(['No member price yet', 'Free shipping on every order'])
  })
})

describe('programme rules wording', () => {
  const program = {
    currency: 'CNY',
    tiers: [tier({ id: 'regular', growth: 0 })],
    growth: { perYuan: 1, evaluationDays: 365 },
    points: { perYuan: 1, registration: 100, expire: true, share: { points: 0, dailyCap: 3 } },
    checkIn: {
      points: 5,
      streakDays: 7,
      streakBonus: 20,
      makeUp: { perMonth: 2, withinDays: 7, cost: 10 },
    },
    redemption: { enabled: true, pointsPerYuan: 100, maxSharePercent: 50 },
    storedValue: { enabled: true, cap: 500_000 },
    card: {
      enabled: false,
      trialDays: 7,
      discountPercent: 5,
      pointsMultiplierBonus: 0.5,
      plans: [],
    },
  }

  it('lists how points are earned and used, leaving sharing out while it is off', () => {
    expect(earnLines(program, memberText['zh-CN'])).toEqual([
      '购物每消费 ¥1 得 1 积分',
      '注册送 100 积分',
      '每日签到 +5 积分，每连续签到 7 天再 +20',
      '下单时 100 积分抵 ¥1，最多抵商品金额的 50%',
      '积分在获得的次年年底过期',
      '可储值，余额付款，余额上限 ¥5000.00',
    ])
  })

  it('states sharing, once on, with its daily cap; leaves out what the mall switched off', () => {
    const lines = earnLines(
      {
        ...program,
        points: { ...program.points, expire: false, share: { points: 5, dailyCap: 3 } },
        redemption: { ...program.redemption, enabled: false },
        storedValue: { enabled: false, cap: 500_000 },
      },
      memberText.en,
    )
    expect(lines).toEqual([
      '1 point per ¥1 spent',
      '100 points when you sign up',
      'Check in daily for 5 points, and 20 more every 7 days in a row',
      '5 points for sharing a page, up to 3 shares a day',
    ])
  })

  it('prices a make-up, or says it is free', () => {
    expect(memberText['zh-CN'].makeUpsLeftCost(2, 10)).toBe('本月还可补签 2 次，每次 10 积分')
    expect(memberText.en.makeUpsLeftCost(1, 0)).toBe('1 make-up left this month, free')
  })
})

describe('ledger entry labels', () => {
  it('name the earn rule an award came from, and the kind of every other entry', () => {
    const zh = memberText['zh-CN']
    const label = (kind: Entry['kind'], reason: string) => entryLabel({ kind, reason }, zh)
    expect(label('award', 'share /products/1')).toBe('分享奖励')
    expect(label('award', 'review')).toBe('评价奖励')
    expect(label('award', 'buyer-show')).toBe('晒单奖励')
    // Another plugin's award (a lucky wheel's prize) is a plain reward.
    expect(label('award', 'Lucky wheel prize')).toBe('活动奖励')
    expect(label('check-in', 'review')).toBe('签到')
    expect(entryLabel({ kind: 'award', reason: 'buyer-show' }, memberText.en)).toBe(
      'Posted a buyer show',
    )
  })
})
