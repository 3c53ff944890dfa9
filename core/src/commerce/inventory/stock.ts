import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'

/** A quantity of one SKU an order wants, with the request field to blame when it is missing. */
export interface StockRequest {
  skuId: string
  quantity: number
  /** The request field named in the 409 when the SKU is out of stock (`body.items.0.skuId`). */
  field: string
}

/**
 * Takes stock for an order: one conditional `UPDATE … WHERE stock >= q AND status = 'active'` per
 * SKU, so the row lock decides every race and stock never goes below zero. SKUs are locked in id
 * order so two orders never deadlock. A SKU without enough stock throws 409 naming its field; the
 * caller's transaction then rolls back everything taken before it. Returns the merged quantities,
 * to be recorded with `recordReservations` once the order row exists.
 */
export async function takeStock(
  ctx: MallContext,
  requests: readonly StockRequest[],
): Promise<StockRequest[]> {
  const merged = new Map<string, StockRequest>()
  for (const request of requests) {
    const seen = merged.get(request.skuId)
    merged.set(
      request.skuId,
      seen ? { ...seen, quantity: seen.quantity + request.quantity } : request,
    )
  }
  const ordered = [...merged.values()].sort((a, b) => (a.skuId < b.skuId ? -1 : 1))
  for (const request of ordered) {
    const taken = await ctx.db
      .updateTable('core__sku')
      .set((eb) => ({ stock: eb('stock', '-', request.quantity) }))
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', request.skuId)
      .where('stock', '>=', request.quantity)
      .where('status', '=', 'active')
      .returning('stock')
      .executeTakeFirst()
    if (!taken)
      throw new MallError('conflict', 'Not enough stock for this item', {
        errors: [{ field: request.field, message: 'out of stock' }],
      })
  }
  return ordered
}

/** Records stock taken by `takeStock` as held by the order (released or consumed later). */
export async function recordReservations(
  ctx: MallContext,
  orderId: string,
  taken: readonly StockRequest[],
): Promise<void> {
  if (taken.length === 0) return
  await ctx.db
    .insertInto('core__stock_reservation')
    .values(
      taken.map((r) => ({
        tenant_id: ctx.tenant.id,
        order_id: orderId,
        sku_id: r.skuId,
        quantity: r.quantity,
      })),
    )
    .execute()
}

/** Marks an order's held stock as sold (on payment); the stock itself already left the shelf. */
export async function consumeStock(ctx: MallContext, orderId: string): Promise<void> {
  await ctx.db
    .updateTable('core__stock_reservation')
    .set({ status: 'consumed' })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .where('status', '=', 'held')
    .execute()
}

/**
 * Puts an order's reserved stock back on sale (on cancel or refund before shipping). Each
 * reservation is released once: its status flips in the same statement that returns it.
 */
export async function releaseStock(ctx: MallContext, orderId: string): Promise<void> {
  const released = await ctx.db
    .updateTable('core__stock_reservation')
    .set({ status: 'released' })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .where('status', 'in', ['held', 'consumed'])
    .returning(['sku_id', 'quantity'])
    .execute()
  released.sort((a, b) => (a.sku_id < b.sku_id ? -1 : 1))
  for (const line of released)
    await ctx.db
      .updateTable('core__sku')
      .set((eb) => ({ stock: eb('stock', '+', line.quantity) }))
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', line.sku_id)
      .execute()
}
