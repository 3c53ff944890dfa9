import { z } from '@hono/zod-openapi'
import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import { scheduleAutoReceive } from './order-jobs.ts'
import { transitionOrder } from './order-state.ts'

/** A parcel as staff record it: carrier, tracking number and which quantities of which lines. */
export const ShipmentInput = z
  .object({
    carrier: z.string().trim().min(1).max(50),
    trackingNumber: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes'),
    lines: z
      .array(z.object({ lineId: z.uuid(), quantity: z.number().int().min(1).max(999) }))
      .min(1)
      .max(100)
      .superRefine((lines, ctx) => {
        const seen = new Set<string>()
        lines.forEach((line, i) => {
          if (seen.has(line.lineId))
            ctx.addIssue({ code: 'custom', path: [i, 'lineId'], message: 'listed twice' })
          seen.add(line.lineId)
        })
      }),
  })
  .openapi('ShipmentInput')
export type ShipmentInput = z.infer<typeof ShipmentInput>

/**
 * Records a parcel of a paid order: the lines' shipped quantities grow (never past what was
 * ordered), the order becomes `partially_shipped` or, once every unit left, `shipped`, which
 * starts the auto-receipt timer. Returns the shipment id.
 */
export async function shipOrder(
  ctx: MallContext,
  orderId: string,
  input: ShipmentInput,
): Promise<string> {
  const order = await ctx.db
    .selectFrom('core__order')
    .select('status')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst()
  if (!order) throw new MallError('not_found', 'No such order')
  if (order.status !== 'paid' && order.status !== 'partially_shipped')
    throw new MallError(
      'conflict',
      `An order that is ${order.status.replace('_', ' ')} cannot be shipped`,
    )
  const lines = await ctx.db
    .selectFrom('core__order_line')
    .select(['id', 'quantity', 'shipped_quantity'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .execute()
  const byId = new Map(lines.map((l) => [l.id, l]))
  input.lines.forEach((wanted, i) => {
    const line = byId.get(wanted.lineId)
    if (!line)
      throw new MallError('validation_failed', 'Not a line of this order', {
        errors: [{ field: `body.lines.${i}.lineId`, message: 'not a line of this order' }],
      })
    if (wanted.quantity > line.quantity - line.shipped_quantity)
      throw new MallError('validation_failed', 'More than is left to ship', {
        errors: [
          {
            field: `body.lines.${i}.quantity`,
            message: `only ${line.quantity - line.shipped_quantity} left to ship`,
          },
        ],
      })
    line.shipped_quantity += wanted.quantity
  })
  for (const wanted of input.lines)
    await ctx.db
      .updateTable('core__order_line')
      .set((eb) => ({ shipped_quantity: eb('shipped_quantity', '+', wanted.quantity) }))
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', wanted.lineId)
      .execute()
  const shipment = await ctx.db
    .insertInto('core__shipment')
    .values({
      tenant_id: ctx.tenant.id,
      order_id: orderId,
      carrier: input.carrier,
      tracking_number: input.trackingNumber,
      lines: JSON.stringify(input.lines),
      shipped_at: ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const complete = lines.every((l) => l.shipped_quantity === l.quantity)
  await transitionOrder(ctx, orderId, complete ? 'shipped' : 'partially_shipped', {
    shipmentId: shipment.id,
  })
  if (complete) await scheduleAutoReceive(ctx, orderId)
  return shipment.id
}
