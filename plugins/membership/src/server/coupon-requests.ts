/**
 * The coupons plugin's `coupons.issue-requested` event, which membership emits (birthday coupons,
 * the points mall): a type-only import, so its events join `MallEvents` and nothing of the
 * coupons plugin's code is loaded. The coupon is issued inline, in the emitting transaction, or
 * the emit throws the coupons plugin's refusal (`coupons:sold_out`, …); nothing happens while
 * coupons is off for the mall, so check `ctx.isEnabled('coupons')` first.
 */
import type {} from '@mallkit/plugin-coupons/events'
