import { describe, expect, it } from 'vitest'
import { shippingFee } from '../../../../core/src/commerce/shipping/shipping-fee.ts'
import type { ShippingTemplate } from './data.ts'
import { estimateShipping } from './shipping-estimate.ts'

const template: ShippingTemplate = {
  basis: 'piece',
  freeThreshold: 9900,
  rules: [
    { regions: ['新疆'], first: 1, firstFee: 2000, additional: 1, additionalFee: 1000 },
    { regions: ['*'], first: 2, firstFee: 800, additional: 2, additionalFee: 300 },
  ],
}

describe('estimateShipping', () => {
  it('charges what checkout charges the regions of the * rule', () => {
    for (const quantity of [1, 2, 3, 5, 8]) {
      const subtotal = quantity * 1000
      const core = shippingFee(
        { basis: template.basis, rules: template.rules, freeThreshold: template.freeThreshold },
        { region: '上海', pieces: quantity, grams: 0, discountedSubtotal: subtotal },
      )
      expect(estimateShipping(template, { quantity, grams: 0, subtotal }).fee).toBe(core)
    }
  })

  it('says when other regions cost more and when the threshold makes it free', () => {
    expect(estimateShipping(template, { quantity: 1, grams: 0, subtotal: 1000 })).toEqual({
      fee: 800,
      freeThreshold: 9900,
      free: false,
      moreElsewhere: true,
    })
    expect(estimateShipping(template, { quantity: 10, grams: 0, subtotal: 9900 })).toMatchObject({
      fee: 0,
      free: true,
      moreElsewhere: false,
    })
  })

  it('weighs by grams per unit, and ships free without a template', () => {
    const byWeight: ShippingTemplate = {
      basis: 'weight',
      freeThreshold: null,
      rules: [{ regions: ['*'], first: 1000, firstFee: 600, additional: 500, additionalFee: 200 }],
    }
    expect(estimateShipping(byWeight, { quantity: 3, grams: 400, subtotal: 100 }).fee).toBe(800)
    expect(estimateShipping(null, { quantity: 1, grams: 0, subtotal: 1 })).toMatchObject({
      fee: 0,
      free: true,
    })
  })
})
