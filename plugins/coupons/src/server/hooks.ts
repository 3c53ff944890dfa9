import { defineHook, MallError, pluginDb, type MallContext } from '@mallkit/core/plugin'
import '../events.ts'
import { manifest } from '../manifest.ts'
import type { AudienceDirectory } from './audience.ts'
import { appendLedger, issueCoupon } from './issue.ts'
import type { CouponStatus, CouponTables } from './tables.ts'

/** Moves the coupons of an order from one status to another, writing the ledger; returns them. */
async function moveOrderCoupons(
  ctx: MallContext,
  orderId: string,
  from: CouponStatus,
  set: { status: CouponStatus; keepOrder: boolean; orderTotal?: number },
  stillValid = false,
) {
  const now = ctx.now()
  let update = pluginDb<CouponTables>(ctx)
    .updateTable('coupons__coupon')
    .set({
      status: set.status,
      updated_at: now,
      ...(set.keepOrder ? {} : { order_id: null, discount: null, order_total: null }),
      ...(set.orderTotal !== undefined && { order_total: set.orderTotal, used_at: now }),
    })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .where('status', '=', from)
  if (stillValid) update = update.where('valid_until', '>', now)
  return update.returning(['id', 'template_id', 'customer_id', 'discount']).execute()
}

/** The plugin's hooks; `audience` decides who new-customer and segment coupons are for. */
export function couponHooks(audience: AudienceDirectory) {
  return [
    /** A cancelled order gives its locked coupon back (it was never paid for). */
    defineHook({
      event: 'order.cancelled',
      name: 'release-on-cancel',
      mode: 'inline',
      handle: async (ctx, event) => {
        for (const coupon of await moveOrderCoupons(ctx, event.payload.orderId, 'locked', {
          status: 'available',
          keepOrder: false,
        }))
          await appendLedger(ctx, coupon, 'released', { orderId: event.payload.orderId })
      },
    }),
    /** Payment turns the locked coupon into a used one, recording the order value it drove. */
    defineHook({
      event: 'order.paid',
      name: 'use-on-paid',
      mode: 'inline',
      handle: async (ctx, event) => {
        const { orderId, total } = event.payload
        for (const coupon of await moveOrderCoupons(ctx, orderId, 'locked', {
          status: 'used',
          keepOrder: true,
          orderTotal: total,
        })) {
          await appendLedger(ctx, coupon, 'used', { orderId, amount: coupon.discount ?? 0 })
          await ctx.emit('coupons.coupon-used', {
            couponId: coupon.id,
            templateId: coupon.template_id,
            customerId: coupon.customer_id,
            orderId,
            discount: coupon.discount ?? 0,
          })
        }
      },
    }),
    /** A full refund returns the used coupon while it is still valid (setting `returnOnFullRefund`). */
    defineHook({
      event: 'payment.refunded',
      name: 'return-on-full-refund',
      mode: 'inline',
      handle: async (ctx, event) => {
        if (!event.payload.full || !(await ctx.settingsOf(manifest)).returnOnFullRefund) return
        const { orderId } = event.payload
        for (const coupon of await moveOrderCoupons(
          ctx,
          orderId,
          'used',
          { status: 'returned', keepOrder: false },
          true,
        ))
          await appendLedger(ctx, coupon, 'returned', { orderId })
      },
    }),
    /**
     * Other plugins and the core give coupons by emitting `coupons.issue-requested`: issued in the
     * emitting transaction, so the gift and what earned it commit together, or the emitter's
     * transaction fails with the reason (sold out, limit reached). Retries with the same
     * `requestKey` issue nothing more.
     */
    defineHook({
      event: 'coupons.issue-requested',
      name: 'issue-requested',
      mode: 'inline',
      handle: async (ctx, event) => {
        const { templateId, customerId, requestKey } = event.payload
        await issueCoupon(ctx, audience, {
          templateId,
          customerId,
          source: 'event',
          sourceRef: requestKey,
          idempotencyKey: `event:${requestKey}`,
        })
      },
    }),
    /** The registration gift (setting `registrationGift`); a gift that ran out is skipped. */
    defineHook({
      event: 'customer.registered',
      name: 'registration-gift',
      mode: 'afterCommit',
      handle: async (ctx, event) => {
        const { customerId } = event.payload
        for (const templateId of (await ctx.settingsOf(manifest)).registrationGift) {
          try {
            await issueCoupon(ctx, audience, {
              templateId,
              customerId,
              source: 'event',
              sourceRef: 'registration',
              idempotencyKey: `registered:${customerId}:${templateId}`,
            })
          } catch (error) {
            // Refusals happen before any write of that issue, so the others still commit.
            if (!(error instanceof MallError)) throw error
            ctx.log.info(
              { templateId, customerId, code: error.code, detail: error.message },
              'registration gift skipped',
            )
          }
        }
      },
    }),
  ]
}
