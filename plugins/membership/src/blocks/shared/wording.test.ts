import { describe, expect, it } from 'vitest'
import { benefitLines } from '../benefits/benefit-lines.ts'
import { progressPercent } from '../member-card/progress.ts'
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
