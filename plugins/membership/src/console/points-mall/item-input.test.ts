import { describe, expect, it } from 'vitest'
import { readItem, type ItemFields } from './item-input.ts'

const t = {
  nameInvalid: 'name',
  couponInvalid: 'coupon',
  pointsInvalid: 'points',
  stockInvalid: 'stock',
  limitInvalid: 'limit',
}
const fields = (over: Partial<ItemFields> = {}): ItemFields => ({
  name: ' Tea ',
  couponTemplateId: '0b9b7c1e-1d7e-4a37-9d0e-5b8f1a0c2d3e',
  points: '100',
  stock: '',
  perCustomerLimit: '1',
  position: '',
  active: true,
  ...over,
})

describe('readItem', () => {
  it('reads an empty stock as unlimited and trims the name', () => {
    expect(readItem(fields(), t)).toEqual({
      body: {
        name: 'Tea',
        couponTemplateId: '0b9b7c1e-1d7e-4a37-9d0e-5b8f1a0c2d3e',
        points: 100,
        stock: null,
        perCustomerLimit: 1,
        position: 0,
        active: true,
      },
    })
  })

  it('names every field the browser can tell is wrong', () => {
    expect(
      readItem(
        fields({
          name: ' ',
          couponTemplateId: '',
          points: '0',
          stock: '1.5',
          perCustomerLimit: 'x',
        }),
        t,
      ),
    ).toEqual({
      problems: {
        name: 'name',
        couponTemplateId: 'coupon',
        points: 'points',
        stock: 'stock',
        perCustomerLimit: 'limit',
      },
    })
  })
})
