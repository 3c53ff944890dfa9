import { describe, expect, it } from 'vitest'
import { couponText } from './messages.ts'
import { benefitText, headline, remainingPercent, shortPrice, validityText } from './offer-text.ts'

const zh = couponText['zh-CN']
const en = couponText.en

describe('coupon wording', () => {
  it('states a threshold coupon the way each language does', () => {
    const benefit = { kind: 'amount_off_threshold', threshold: 19900, amount: 2000 } as const
    expect(benefitText(benefit, en, 'en')).toBe('¥20 off from ¥199')
    expect(benefitText(benefit, zh, 'zh-CN')).toBe('满199减20')
    expect(headline(benefit, zh, 'zh-CN')).toBe('¥20')
  })

  it('states a percentage as the share off in English and the share paid (折) in Chinese', () => {
    const benefit = { kind: 'percent_off', percent: 15, cap: 5000 } as const
    expect(benefitText(benefit, en, 'en')).toBe('15% off, up to ¥50')
    expect(benefitText(benefit, zh, 'zh-CN')).toBe('8.5折，最多减50')
    expect(headline({ kind: 'percent_off', percent: 10, cap: null }, zh, 'zh-CN')).toBe('9折')
  })

  it('states free shipping and an amount off without threshold, keeping cents when there are some', () => {
    expect(benefitText({ kind: 'free_shipping', cap: 1000 }, en, 'en')).toBe(
      'Free shipping (up to ¥10)',
    )
    expect(benefitText({ kind: 'free_shipping', cap: null }, zh, 'zh-CN')).toBe('免运费')
    expect(benefitText({ kind: 'amount_off', amount: 550 }, zh, 'zh-CN')).toBe('无门槛减5.50')
    expect(shortPrice(1990)).toBe('¥19.90')
  })

  it('states validity as days after claiming or as a window', () => {
    expect(validityText({ kind: 'relative', days: 7 }, en)).toBe('Valid 7 days after claiming')
    const past = {
      kind: 'window',
      from: '2020-01-01T00:00:00Z',
      until: '2999-01-31T00:00:00Z',
    } as const
    expect(validityText(past, zh)).toBe('有效期至 2999-01-31')
    const future = {
      kind: 'window',
      from: '2998-01-01T00:00:00Z',
      until: '2999-01-31T00:00:00Z',
    } as const
    expect(validityText(future, en)).toBe('Valid 2998-01-01 to 2999-01-31')
  })

  it('measures what remains, and nothing for unlimited coupons', () => {
    expect(remainingPercent({ remaining: 25, totalQuantity: 100 })).toBe(25)
    expect(remainingPercent({ remaining: 0, totalQuantity: 100 })).toBe(0)
    expect(remainingPercent({ remaining: null, totalQuantity: null })).toBeNull()
  })
})
