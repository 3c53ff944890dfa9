import { z } from '@hono/zod-openapi'
import { AdjustmentSchema } from '../pricing/price-schema.ts'

const Localized = z.object({ 'zh-CN': z.string().optional(), en: z.string().optional() })
/** An order's status. */
export const OrderStatusSchema = z.enum([
  'pending_payment',
  'paid',
  'partially_shipped',
  'shipped',
  'received',
  'completed',
  'cancelled',
])
const Instant = z.string().nullable()

/** An order line: the snapshot taken at checkout, with its share of the discounts. */
export const OrderLineSchema = z.object({
  id: z.uuid(),
  skuId: z.uuid(),
  productId: z.uuid(),
  title: Localized,
  spec: z.record(z.string(), z.string()),
  imageMediaId: z.string().nullable(),
  /** The line's small picture on this request's host (store routes only). */
  imageUrl: z.string().nullable().optional(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  subtotal: z.number().int(),
  discount: z.number().int(),
  total: z.number().int(),
  shippedQuantity: z.number().int(),
  afterSales: z.object({ returnable7d: z.boolean(), exclusion: z.string().nullable() }),
})

/** An order as lists show it. */
export const OrderSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    status: OrderStatusSchema,
    currency: z.string(),
    subtotal: z.number().int(),
    discountTotal: z.number().int(),
    shippingFee: z.number().int(),
    total: z.number().int(),
    placedAt: z.string(),
    expiresAt: Instant,
  })
  .openapi('OrderSummary')

/** A shipped parcel: carrier, tracking number and what it holds. */
export const ShipmentSchema = z.object({
  id: z.uuid(),
  carrier: z.string(),
  trackingNumber: z.string(),
  lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int() })),
  shippedAt: z.string(),
})

/** One step of the tracking timeline: a status change or a parcel leaving. */
export const TimelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(['status', 'shipment']),
  status: OrderStatusSchema.optional(),
  actor: z.enum(['staff', 'customer', 'system']).optional(),
  carrier: z.string().optional(),
  trackingNumber: z.string().optional(),
})

/** An order in full: lines, explanation, delivery, timeline, shipments (and payments for staff). */
export const OrderDetailSchema = OrderSummarySchema.extend({
  adjustments: z.array(AdjustmentSchema),
  delivery: z.record(z.string(), z.unknown()),
  note: z.string(),
  paidAt: Instant,
  shippedAt: Instant,
  receivedAt: Instant,
  completedAt: Instant,
  cancelledAt: Instant,
  cancelReason: z.string().nullable(),
  lines: z.array(OrderLineSchema),
  shipments: z.array(ShipmentSchema),
  timeline: z.array(TimelineEntrySchema),
  payments: z
    .array(
      z.object({
        id: z.uuid(),
        provider: z.string(),
        status: z.string(),
        amount: z.number().int(),
        createdAt: z.string(),
      }),
    )
    .optional(),
}).openapi('Order')
export type OrderDetail = z.infer<typeof OrderDetailSchema>

/** A page of orders, newest first. */
export const OrderPageSchema = z.object({
  items: z.array(OrderSummarySchema),
  nextCursor: z.string().nullable(),
})

/** What a customer's order list shows of an order's lines: the first title and a few pictures. */
export const OrderPreviewSchema = z.object({
  itemCount: z.number().int(),
  lineCount: z.number().int(),
  firstTitle: Localized,
  imageUrls: z.array(z.string()),
})

/** A page of the customer's orders, each with a preview of its lines. */
export const StoreOrderPageSchema = z
  .object({
    items: z.array(OrderSummarySchema.extend({ preview: OrderPreviewSchema })),
    nextCursor: z.string().nullable(),
  })
  .openapi('StoreOrderPage')
