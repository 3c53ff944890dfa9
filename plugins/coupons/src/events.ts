/**
 * The coupons plugin's events. `coupons.issue-requested` is how other plugins and the core give a
 * customer a coupon (a lucky-wheel prize, a birthday gift): emit it, and the coupon is issued in
 * the same transaction, or the transaction fails with the reason. Zod only: safe to import
 * anywhere for the types.
 */
export interface CouponIssueRequested {
  templateId: string
  customerId: string
  /**
   * The emitter's unique name for this gift (`lucky-wheel:spin:<spinId>`): emitting again with
   * the same key issues nothing more.
   */
  requestKey: string
}

/** A coupon reached a customer: claimed, redeemed by code, issued by staff or by an event. */
export interface CouponIssued {
  couponId: string
  templateId: string
  customerId: string
  source: 'claim' | 'code' | 'staff' | 'event'
}

/** A coupon was consumed by a paid order. */
export interface CouponUsed {
  couponId: string
  templateId: string
  customerId: string
  orderId: string
  discount: number
}

declare module '../../../core/src/events/events.ts' {
  interface MallEvents {
    'coupons.issue-requested': CouponIssueRequested
    'coupons.coupon-issued': CouponIssued
    'coupons.coupon-used': CouponUsed
  }
}
