import { describe, expect, it } from 'vitest'
import {
  changedFields,
  emptyForm,
  formFromTemplate,
  formToBody,
  type CouponForm,
} from './form-state.ts'
import type { TemplateView } from '../client.ts'
import type { CouponConsoleText } from '../strings.ts'

// The checks' messages, as the English strings have them (only these are read).
const t = {
  required: 'Required',
  notMoney: 'Enter an amount',
  notWhole: (min: number, max: number) => `${min}-${max}`,
  notDate: 'Pick a date',
} as CouponConsoleText

const filled = (changes: Partial<CouponForm>): CouponForm => ({
  ...emptyForm(),
  name: '满199减20',
  threshold: '199',
  amount: '20',
  ...changes,
})

describe('formToBody', () => {
  it('turns yuan typed into minor units and fills the API body', () => {
    const { body, errors } = formToBody(
      filled({ totalQuantity: '100', codes: 'save20, vip-2026' }),
      t,
    )
    expect(errors).toEqual({})
    expect(body).toMatchObject({
      name: '满199减20',
      benefit: { kind: 'amount_off_threshold', threshold: 19900, amount: 2000 },
      scope: { kind: 'all', categoryIds: [], productIds: [], excludedProductIds: [] },
      validity: { kind: 'relative', days: 30 },
      totalQuantity: 100,
      perCustomerLimit: 1,
      audience: { kind: 'everyone' },
      codes: ['SAVE20', 'VIP-2026'],
    })
  })

  it('names the API field of a missing threshold and of an amount that is not one', () => {
    const { body, errors } = formToBody(filled({ threshold: '', amount: '2O' }), t)
    expect(body).toBeNull()
    expect(errors).toEqual({ 'benefit.threshold': 'Required', 'benefit.amount': 'Enter an amount' })
  })

  it('reads percent off with an optional cap, and free shipping with none', () => {
    expect(
      formToBody(filled({ kind: 'percent_off', percent: '15', cap: '50' }), t).body?.benefit,
    ).toEqual({ kind: 'percent_off', percent: 15, cap: 5000 })
    expect(formToBody(filled({ kind: 'percent_off', percent: '100' }), t).errors).toEqual({
      'benefit.percent': '1-99',
    })
    expect(formToBody(filled({ kind: 'free_shipping' }), t).body?.benefit).toEqual({
      kind: 'free_shipping',
      cap: null,
    })
  })

  it('sends a window as instants and a segment by name', () => {
    const { body } = formToBody(
      filled({
        validityKind: 'window',
        from: '2026-12-01T00:00',
        until: '2026-12-31T23:59',
        audienceKind: 'segment',
        segment: 'gold',
      }),
      t,
    )
    expect(body?.validity).toEqual({
      kind: 'window',
      from: new Date('2026-12-01T00:00').toISOString(),
      until: new Date('2026-12-31T23:59').toISOString(),
    })
    expect(body?.audience).toEqual({ kind: 'segment', segment: 'gold' })
    expect(formToBody(filled({ validityKind: 'window' }), t).errors).toEqual({
      'validity.from': 'Pick a date',
      'validity.until': 'Pick a date',
    })
  })
})

describe('changedFields', () => {
  it('sends only what changed, so a claimed coupon can still get more quantity', () => {
    const template: TemplateView = {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'A',
      description: '',
      benefit: { kind: 'amount_off_threshold', threshold: 19900, amount: 2000 },
      scope: { kind: 'all', categoryIds: [], productIds: [], excludedProductIds: [] },
      validity: {
        kind: 'window',
        from: '2026-12-01T00:00:00.000Z',
        until: '2027-01-01T00:00:00.000Z',
      },
      totalQuantity: 100,
      issued: 3,
      remaining: 97,
      perCustomerLimit: 1,
      audience: { kind: 'everyone' },
      public: true,
      combinableWithPromotions: false,
      codes: ['SAVE20'],
      status: 'live',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    }
    const before = formToBody(formFromTemplate(template), t).body!
    const after = formToBody({ ...formFromTemplate(template), totalQuantity: '200' }, t).body!
    expect(changedFields(before, after)).toEqual({ totalQuantity: 200 })
    expect(after.benefit).toEqual(template.benefit)
    expect(after.validity).toEqual(template.validity)
  })
})
