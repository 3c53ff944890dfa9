import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import { shippingRegion, toAddress } from './address-schema.ts'
import { shippingFee } from './shipping-fee.ts'
import { toPickupPoint } from './pickup-routes.ts'

/** How an order reaches the customer, as chosen at checkout. */
export type DeliveryChoice =
  { method: 'delivery'; addressId: string } | { method: 'pickup'; pickupPointId: string }

/** The delivery snapshot stored on the order, and the fee as a function of the discounted subtotal. */
export interface ResolvedDelivery {
  snapshot: Record<string, unknown>
  feeFor(discountedSubtotal: number): number
}

/**
 * Resolves the customer's delivery choice: their own address and the mall's default shipping
 * template (no template: ships free), or an active pickup point (fee 0). Refuses addresses of
 * other customers, unknown points and regions no rule covers with 422 naming the field.
 */
export async function resolveDelivery(
  ctx: MallContext,
  customerId: string,
  choice: DeliveryChoice,
  parcel: { pieces: number; grams: number },
): Promise<ResolvedDelivery> {
  if (choice.method === 'pickup') {
    const point = await ctx.db
      .selectFrom('core__pickup_point')
      .selectAll()
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', choice.pickupPointId)
      .where('active', '=', true)
      .executeTakeFirst()
    if (!point)
      throw new MallError('validation_failed', 'No such pickup point', {
        errors: [
          { field: 'body.delivery.pickupPointId', message: 'not a pickup point of this mall' },
        ],
      })
    return { snapshot: { method: 'pickup', pickupPoint: toPickupPoint(point) }, feeFor: () => 0 }
  }
  const address = await ctx.db
    .selectFrom('core__address')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where('id', '=', choice.addressId)
    .executeTakeFirst()
  if (!address)
    throw new MallError('validation_failed', 'No such address', {
      errors: [{ field: 'body.delivery.addressId', message: 'not one of your addresses' }],
    })
  const template = await ctx.db
    .selectFrom('core__shipping_template')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .orderBy('is_default', 'desc')
    .orderBy('created_at')
    .executeTakeFirst()
  const region = shippingRegion(address)
  const snapshot = {
    method: 'delivery',
    address: toAddress(address),
    templateId: template?.id ?? null,
  }
  if (!template) return { snapshot, feeFor: () => 0 }
  const fee = (discountedSubtotal: number) =>
    shippingFee(
      {
        basis: template.basis,
        rules: template.rules,
        freeThreshold: template.free_threshold === null ? null : Number(template.free_threshold),
      },
      { region, ...parcel, discountedSubtotal },
    )
  if (fee(0) === null)
    throw new MallError('validation_failed', `This mall does not ship to ${region}`, {
      errors: [{ field: 'body.delivery.addressId', message: 'no shipping to this region' }],
    })
  return { snapshot, feeFor: (discounted) => fee(discounted) ?? 0 }
}
