/**
 * The store API's shapes as the personal pages read them (the core's zod schemas are the source:
 * `Cart`, `CheckoutPreview`, `Order`, `StoreOrderPage`, `Address` in `/api/openapi.json`). Types
 * only, so no schema code reaches the browser; those the core already names are re-exported.
 */
import type { LocalizedText } from '../../shared/localized.ts'
import type { Address } from '../../../../core/src/commerce/shipping/address-schema.ts'
import type { OrderStatus } from '../../../../core/src/db/commerce-schema.ts'

export type {
  Address,
  AddressInput,
} from '../../../../core/src/commerce/shipping/address-schema.ts'
export type { OrderStatus } from '../../../../core/src/db/commerce-schema.ts'
/** What the customer does next to pay. */
export type { NextStep } from '../../../../core/src/commerce/payments/provider.ts'

/** One explained price change (negative amounts are discounts). */
export interface Adjustment {
  code: string
  amount: number
  reason: { en: string; 'zh-CN': string }
  lineId?: string
}

/** What is wrong with a cart line. */
export type LineProblem = 'unavailable' | 'insufficient_stock'

export interface CartLine {
  skuId: string
  productId: string
  title: LocalizedText
  spec: Record<string, string>
  imageUrl: string | null
  quantity: number
  unitPrice: number
  stock: number
  problems: LineProblem[]
  priceChange: { from: number; to: number } | null
  subtotal: number
  discount: number
  total: number
  adjustments: Adjustment[]
}

export interface Cart {
  currency: string
  lines: CartLine[]
  adjustments: Adjustment[]
  subtotal: number
  discountTotal: number
  total: number
  merged: boolean
}

/** A checkout priced as it would be placed now. */
export interface CheckoutPreview {
  currency: string
  lines: (Omit<CartLine, 'stock' | 'problems' | 'priceChange'> & { adjustments: Adjustment[] })[]
  adjustments: Adjustment[]
  subtotal: number
  discountTotal: number
  shippingFee: number
  total: number
  shippingKnown: boolean
}

export interface PickupPoint {
  id: string
  name: string
  address: string
  hours: string
}

export interface OrderSummary {
  id: string
  number: string
  status: OrderStatus
  currency: string
  subtotal: number
  discountTotal: number
  shippingFee: number
  total: number
  placedAt: string
  expiresAt: string | null
}

export interface OrderListItem extends OrderSummary {
  preview: { itemCount: number; lineCount: number; firstTitle: LocalizedText; imageUrls: string[] }
}

export interface OrderLine {
  id: string
  skuId: string
  productId: string
  title: LocalizedText
  spec: Record<string, string>
  imageUrl?: string | null
  quantity: number
  unitPrice: number
  subtotal: number
  discount: number
  total: number
}

export interface TimelineEntry {
  at: string
  kind: 'status' | 'shipment'
  status?: OrderStatus
  carrier?: string
  trackingNumber?: string
}

/** The delivery snapshot an order keeps: an address, or a pickup point. */
export type OrderDelivery =
  { method: 'delivery'; address: Address } | { method: 'pickup'; pickupPoint: PickupPoint }

export interface Order extends OrderSummary {
  adjustments: Adjustment[]
  delivery: OrderDelivery
  note: string
  paidAt: string | null
  cancelReason: string | null
  lines: OrderLine[]
  timeline: TimelineEntry[]
}
