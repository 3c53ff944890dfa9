import type { Selectable } from 'kysely'
import type { MallContext } from '../../context.ts'
import type { OrderStatus, OrderTable } from '../../db/commerce-schema.ts'
import { escapeLike } from '../../db/sql-helpers.ts'
import { afterCursor, cursorTime, decodeCursor, keysetPage } from '../../http/openapi.ts'
import type { PriceAdjustment } from '../../plugins/contract.ts'
import { lineImageUrls, type MediaLinks } from '../cart/line-images.ts'
import { paymentsOfOrder } from '../payments/payment-rows.ts'
import type { OrderDetail } from './order-schema.ts'

const iso = (at: Date | null) => (at ? at.toISOString() : null)

/** The list shape of an order row. */
function toOrderSummary(row: Selectable<OrderTable>) {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    status: row.status,
    currency: row.currency,
    subtotal: Number(row.subtotal),
    discountTotal: Number(row.discount_total),
    shippingFee: Number(row.shipping_fee),
    total: Number(row.total),
    placedAt: row.placed_at.toISOString(),
    expiresAt: iso(row.expires_at),
  }
}

/** Which orders `listOrders` returns; every filter is optional. */
export interface OrderFilter {
  limit: number
  cursor?: string
  customerId?: string
  /** One status, or any of several (the storefront's "to ship" tab is paid or partly shipped). */
  status?: OrderStatus | readonly OrderStatus[]
  /** Part of the order number. */
  q?: string
  from?: string
  to?: string
}

/** One page of this mall's orders, newest first, as summaries with the next page's cursor. */
export async function listOrders(ctx: MallContext, filter: OrderFilter) {
  const after = decodeCursor(filter.cursor)
  let query = ctx.db
    .selectFrom('core__order')
    .selectAll()
    .select(cursorTime('placed_at').as('cursor_at'))
    .where('tenant_id', '=', ctx.tenant.id)
  if (filter.customerId) query = query.where('customer_id', '=', filter.customerId)
  if (typeof filter.status === 'string') query = query.where('status', '=', filter.status)
  else if (filter.status?.length) query = query.where('status', 'in', filter.status)
  if (filter.q) query = query.where('number', 'like', `%${escapeLike(filter.q)}%`)
  if (filter.from) query = query.where('placed_at', '>=', new Date(filter.from))
  if (filter.to) query = query.where('placed_at', '<', new Date(filter.to))
  if (after) query = query.where(afterCursor('placed_at', after))
  const rows = await query
    .orderBy('placed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute()
  const { page, nextCursor } = keysetPage(rows, filter.limit)
  return { items: page.map(toOrderSummary), nextCursor }
}

/**
 * The status of an order of this mall (for a customer: of theirs), or undefined when there is no
 * such order: the cheap check before acting on one.
 */
export async function findOrderStatus(
  ctx: MallContext,
  orderId: string,
  customerId?: string,
): Promise<OrderStatus | undefined> {
  let query = ctx.db
    .selectFrom('core__order')
    .select('status')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', orderId)
  if (customerId) query = query.where('customer_id', '=', customerId)
  return (await query.executeTakeFirst())?.status
}

/**
 * The whole order, or undefined when this mall has no such order (for a customer: when it is not
 * theirs). Payments are included for staff only.
 */
export async function loadOrder(
  ctx: MallContext,
  orderId: string,
  options: { customerId?: string; withPayments?: boolean; media?: MediaLinks } = {},
): Promise<OrderDetail | undefined> {
  let query = ctx.db
    .selectFrom('core__order')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', orderId)
  if (options.customerId) query = query.where('customer_id', '=', options.customerId)
  const order = await query.executeTakeFirst()
  if (!order) return undefined
  const lines = await ctx.db
    .selectFrom('core__order_line')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .orderBy('position')
    .execute()
  const transitions = await ctx.db
    .selectFrom('core__order_transition')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .execute()
  const shipments = await ctx.db
    .selectFrom('core__shipment')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .orderBy('shipped_at')
    .execute()
  const payments = options.withPayments ? await paymentsOfOrder(ctx, orderId) : undefined
  const timeline = buildTimeline(transitions, shipments)
  const images = options.media
    ? await lineImageUrls(
        ctx,
        lines.map((l) => l.image_media_id),
        options.media,
      )
    : undefined
  return {
    ...toOrderSummary(order),
    adjustments: order.adjustments as PriceAdjustment[],
    delivery: order.delivery,
    note: order.note,
    paidAt: iso(order.paid_at),
    shippedAt: iso(order.shipped_at),
    receivedAt: iso(order.received_at),
    completedAt: iso(order.completed_at),
    cancelledAt: iso(order.cancelled_at),
    cancelReason: order.cancel_reason,
    lines: lines.map((l) => ({
      id: l.id,
      skuId: l.sku_id,
      productId: l.product_id,
      title: l.title,
      spec: l.spec,
      imageMediaId: l.image_media_id,
      ...(images ? { imageUrl: (l.image_media_id && images.get(l.image_media_id)) ?? null } : {}),
      quantity: l.quantity,
      unitPrice: l.unit_price,
      subtotal: Number(l.subtotal),
      discount: Number(l.discount),
      total: Number(l.total),
      shippedQuantity: l.shipped_quantity,
      afterSales: l.after_sales,
    })),
    shipments: shipments.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      trackingNumber: s.tracking_number,
      lines: s.lines,
      shippedAt: s.shipped_at.toISOString(),
    })),
    timeline,
    ...(payments
      ? {
          payments: payments.map((p) => ({
            id: p.id,
            provider: p.provider,
            status: p.status,
            amount: Number(p.amount),
            createdAt: p.created_at.toISOString(),
          })),
        }
      : {}),
  }
}

const rank: Record<string, number> = {
  pending_payment: 0,
  paid: 1,
  partially_shipped: 2,
  shipped: 3,
  received: 4,
  completed: 5,
  cancelled: 6,
}

/**
 * The tracking timeline: status changes in time order (ties by the state machine's order, since
 * two steps can share a millisecond), each parcel just before the status change it caused.
 */
function buildTimeline(
  transitions: readonly {
    created_at: Date
    to_status: string
    actor_kind: 'staff' | 'customer' | 'system'
    data: Record<string, unknown>
  }[],
  shipments: readonly { id: string; shipped_at: Date; carrier: string; tracking_number: string }[],
): OrderDetail['timeline'] {
  const parcel = (s: (typeof shipments)[number]) => ({
    at: s.shipped_at.toISOString(),
    kind: 'shipment' as const,
    carrier: s.carrier,
    trackingNumber: s.tracking_number,
  })
  const sorted = [...transitions].sort(
    (a, b) =>
      a.created_at.getTime() - b.created_at.getTime() ||
      (rank[a.to_status] ?? 0) - (rank[b.to_status] ?? 0),
  )
  const placed = new Set<string>()
  const timeline: OrderDetail['timeline'] = []
  for (const t of sorted) {
    const shipment = shipments.find((s) => s.id === t.data.shipmentId)
    if (shipment) {
      placed.add(shipment.id)
      timeline.push(parcel(shipment))
    }
    timeline.push({
      at: t.created_at.toISOString(),
      kind: 'status',
      status: t.to_status as OrderDetail['status'],
      actor: t.actor_kind,
    })
  }
  for (const s of shipments) if (!placed.has(s.id)) timeline.push(parcel(s))
  return timeline
}
