import { definePluginErrors } from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'

/** The coupons plugin's error codes (`coupons:<code>` in problem documents). */
export const couponError = definePluginErrors(manifest, {
  not_claimable: { status: 409, title: 'This coupon cannot be claimed now' },
  sold_out: { status: 409, title: 'This coupon is all gone' },
  limit_reached: { status: 409, title: 'You already have as many of this coupon as allowed' },
  not_eligible: { status: 403, title: 'This coupon is for other customers' },
  unknown_code: { status: 404, title: 'No coupon has this code' },
  not_usable: { status: 409, title: 'This coupon cannot be used on this order' },
  status_change: { status: 409, title: 'The coupon cannot move to that status' },
  unsafe_edit: { status: 409, title: 'This change is not allowed once coupons were claimed' },
  code_taken: { status: 409, title: 'Another coupon already has this code' },
  idempotency_mismatch: { status: 422, title: 'This Idempotency-Key was used for another request' },
})
