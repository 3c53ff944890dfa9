import type { MallContext } from '@mallkit/core/plugin'

/**
 * Who a coupon's audience includes. New customers are those with no paid order; segments belong
 * to other plugins (membership tiers), which answer through this interface, never through their
 * tables.
 */
export interface AudienceDirectory {
  /** Whether the customer has paid for an order in this mall. */
  hasPaidOrder(ctx: MallContext, customerId: string): Promise<boolean>
  /** Whether the customer is in `segment` as the plugin owning it defines it. */
  inSegment(ctx: MallContext, segment: string, customerId: string): Promise<boolean>
}

/**
 * The default directory: paid orders from the core's orders; segments from the core's segment
 * directory (`ctx.segments`: the segments of the plugins enabled for the mall, such as
 * `membership:tier:gold`), so a segment no enabled plugin defines reaches nobody by claim. Staff
 * can still issue such coupons.
 */
export const coreAudience: AudienceDirectory = {
  async hasPaidOrder(ctx, customerId) {
    const paid = await ctx.db
      .selectFrom('core__order')
      .select('id')
      .where('tenant_id', '=', ctx.tenant.id)
      .where('customer_id', '=', customerId)
      .where('paid_at', 'is not', null)
      .limit(1)
      .executeTakeFirst()
    return paid !== undefined
  },
  inSegment: (ctx, segment, customerId) => ctx.segments.includes(segment, customerId),
}
