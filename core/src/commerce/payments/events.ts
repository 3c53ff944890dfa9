/** A payment that the provider confirmed, or that staff recorded (manual). */
export interface PaymentSucceededPayload {
  paymentId: string
  orderId: string
  provider: string
  amount: number
  currency: string
}

/**
 * Money given back on an order; `full` when nothing paid remains unrefunded. A partial refund is
 * `amount / paymentAmount` of the order: hooks give back that share of what the order took. For an
 * order settled without payment (provider `none`, total 0), `paymentAmount` is what the stored
 * value paid (or the order's value before discounts when only discounts covered it), never 0.
 */
export interface PaymentRefundedPayload {
  refundId: string
  paymentId: string
  orderId: string
  provider: string
  amount: number
  paymentAmount: number
  currency: string
  full: boolean
}

/**
 * A refund about to be asked of the provider, in the transaction that records it: inline hooks
 * may refuse it (throw a `MallError`: nothing is written) or take back now what the order gave
 * (undo on `payment.refund-failed`). `full` when it refunds all that is left.
 */
export type PaymentRefundRequestedPayload = PaymentRefundedPayload

/** A refund the provider failed or refused: what hooks took on request goes back. */
export interface PaymentRefundFailedPayload {
  refundId: string
  paymentId: string
  orderId: string
  provider: string
}

declare module '../../events/events.ts' {
  interface MallEvents {
    'payment.succeeded': PaymentSucceededPayload
    'payment.refund-requested': PaymentRefundRequestedPayload
    'payment.refunded': PaymentRefundedPayload
    'payment.refund-failed': PaymentRefundFailedPayload
  }
}
