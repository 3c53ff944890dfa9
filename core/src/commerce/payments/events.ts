/** A payment that the provider confirmed, or that staff recorded (manual). */
export interface PaymentSucceededPayload {
  paymentId: string
  orderId: string
  provider: string
  amount: number
  currency: string
}

/** Money given back on an order; `full` when nothing paid remains unrefunded. */
export interface PaymentRefundedPayload {
  refundId: string
  paymentId: string
  orderId: string
  provider: string
  amount: number
  currency: string
  full: boolean
}

declare module '../../events/events.ts' {
  interface MallEvents {
    'payment.succeeded': PaymentSucceededPayload
    'payment.refunded': PaymentRefundedPayload
  }
}
