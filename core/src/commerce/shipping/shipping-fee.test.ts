import { describe, expect, it } from 'vitest'
import { shippingFee, type FeeTemplate } from './shipping-fee.ts'

const byPiece: FeeTemplate = {
  basis: 'piece',
  freeThreshold: 9900,
  rules: [
    {
      regions: ['新疆维吾尔自治区', '西藏自治区'],
      first: 1,
      firstFee: 2000,
      additional: 1,
      additionalFee: 1000,
    },
    { regions: ['*'], first: 2, firstFee: 800, additional: 2, additionalFee: 300 },
  ],
}

const parcel = { region: '浙江省', pieces: 1, grams: 0, discountedSubtotal: 5000 }

describe('shippingFee', () => {
  it('charges the first block, then every started additional block', () => {
    expect(shippingFee(byPiece, parcel)).toBe(800)
    expect(shippingFee(byPiece, { ...parcel, pieces: 2 })).toBe(800)
    expect(shippingFee(byPiece, { ...parcel, pieces: 3 })).toBe(1100)
    expect(shippingFee(byPiece, { ...parcel, pieces: 5 })).toBe(1400)
  })

  it('uses the rule naming the region before the rest-of-country rule', () => {
    expect(shippingFee(byPiece, { ...parcel, region: '西藏自治区', pieces: 3 })).toBe(4000)
  })

  it('ships free from the threshold on the discounted subtotal', () => {
    expect(shippingFee(byPiece, { ...parcel, discountedSubtotal: 9899 })).toBe(800)
    expect(shippingFee(byPiece, { ...parcel, discountedSubtotal: 9900 })).toBe(0)
  })

  it('charges by weight in grams and refuses regions no rule covers', () => {
    const byWeight: FeeTemplate = {
      basis: 'weight',
      freeThreshold: null,
      rules: [
        { regions: ['US', 'CA'], first: 500, firstFee: 5000, additional: 500, additionalFee: 2000 },
      ],
    }
    expect(shippingFee(byWeight, { ...parcel, region: 'US', grams: 1200 })).toBe(9000)
    expect(
      shippingFee(byWeight, { ...parcel, region: 'US', grams: 100, discountedSubtotal: 10 ** 9 }),
    ).toBe(5000)
    expect(shippingFee(byWeight, { ...parcel, region: 'FR', grams: 100 })).toBeNull()
  })
})
