import { describe, expect, it } from 'vitest'
import { refundable, type OrderPayments } from './order-api.ts'

const refund = (amount: number, status: 'pending' | 'succeeded' | 'failed') => ({
  id: `r-${amount}-${status}`,
  orderId: 'o',
  paymentId: 'p',
  amount,
  status,
  reason: '',
  providerRef: null,
  createdAt: '2026-01-01T00:00:00.000Z',
})

describe('refundable', () => {
  it('is what succeeded payments brought in less pending and succeeded refunds', () => {
    const payments: OrderPayments = {
      payments: [
        { id: 'p', provider: 'sandbox', status: 'succeeded', amount: 10_000, createdAt: '' },
        { id: 'q', provider: 'sandbox', status: 'failed', amount: 10_000, createdAt: '' },
      ],
      refunds: [refund(2_500, 'succeeded'), refund(1_000, 'pending'), refund(5_000, 'failed')],
    }
    expect(refundable(payments)).toBe(6_500)
  })
  it('is zero without a succeeded payment, never negative', () => {
    expect(refundable({ payments: [], refunds: [] })).toBe(0)
    expect(refundable({ payments: [], refunds: [refund(100, 'succeeded')] })).toBe(0)
  })
})
