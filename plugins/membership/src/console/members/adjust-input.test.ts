import { describe, expect, it } from 'vitest'
import { checkAdjustment } from './adjust-input.ts'

const t = { amountInvalid: 'whole', moneyInvalid: 'money', reasonInvalid: 'why' }

describe('checkAdjustment', () => {
  it('turns a deduction of yuan into negative minor units with the trimmed reason', () => {
    const checked = checkAdjustment(
      { ledger: 'balance', direction: 'deduct', amount: '12.5', reason: '  refund by cash ' },
      t,
    )
    expect(checked.body).toEqual({ ledger: 'balance', delta: -1250, reason: 'refund by cash' })
  })

  it('keeps points whole and names each bad field', () => {
    expect(
      checkAdjustment({ ledger: 'points', direction: 'add', amount: '1.5', reason: 'x' }, t).errors,
    ).toEqual({ delta: 'whole', reason: 'why' })
    expect(
      checkAdjustment({ ledger: 'balance', direction: 'add', amount: '0', reason: 'ok ok' }, t)
        .errors,
    ).toEqual({ delta: 'money' })
    expect(
      checkAdjustment({ ledger: 'growth', direction: 'add', amount: '300', reason: 'event' }, t)
        .body,
    ).toEqual({ ledger: 'growth', delta: 300, reason: 'event' })
  })
})
