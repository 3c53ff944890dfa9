import type { ColumnType, Generated } from 'kysely'

type Json<T> = ColumnType<T, string, string>

/** Text in the two first-class locales; either may be missing on older rows. */
export type LocalizedText = { 'zh-CN'?: string; en?: string }

export interface MediaTable {
  tenant_id: string
  id: Generated<string>
  storage_key: string
  content_type: string
  bytes: number
  width: number
  height: number
  /** Thumbnail variants by name: `{ thumb: { key, width, height }, … }`. */
  variants: Json<Record<string, { key: string; width: number; height: number }>>
  alt: string | null
  created_at: Generated<Date>
}

export interface CategoryTable {
  tenant_id: string
  id: Generated<string>
  parent_id: string | null
  name: Json<LocalizedText>
  position: Generated<number>
  image_media_id: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type ProductStatus = 'draft' | 'active' | 'archived'

/** A spec dimension and its values, e.g. 颜色: 红 / 蓝. Values are keyed by their zh-CN/en name. */
export interface SpecOption {
  name: LocalizedText
  values: LocalizedText[]
}

/** The legal exclusions from 7-day no-reason returns. */
export type ReturnExclusion =
  'custom-made' | 'fresh-perishable' | 'digital-unsealed' | 'periodicals' | 'opened-hygiene' | null

export interface AfterSales {
  returnable7d: boolean
  exclusion: ReturnExclusion
}

export interface ProductTable {
  tenant_id: string
  id: Generated<string>
  status: Generated<ProductStatus>
  title: Json<LocalizedText>
  subtitle: Json<LocalizedText>
  description_html: Json<LocalizedText>
  category_id: string | null
  tags: string[]
  spec_options: Json<SpecOption[]>
  after_sales: Json<AfterSales>
  price_min: Generated<number>
  price_max: Generated<number>
  sales_count: Generated<number>
  /** Names in both locales, pinyin and initials, tags: what fuzzy search matches against. */
  search_text: Generated<string>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ProductImageTable {
  tenant_id: string
  product_id: string
  media_id: string
  position: Generated<number>
}

export interface SkuTable {
  tenant_id: string
  id: Generated<string>
  product_id: string
  /** The SKU's value per spec dimension, by the dimension's zh-CN name: `{ 颜色: '红', 尺码: 'M' }`. */
  spec: Json<Record<string, string>>
  code: string | null
  price: number
  compare_at_price: number | null
  stock: number
  weight_grams: number
  barcode: string | null
  status: Generated<'active' | 'disabled'>
  position: Generated<number>
}

export interface SearchTermTable {
  tenant_id: string
  term: string
  day: string
  searches: Generated<number>
}

export interface CartTable {
  tenant_id: string
  id: Generated<string>
  customer_id: string | null
  guest_token_hash: string | null
  updated_at: Generated<Date>
}

export interface CartLineTable {
  tenant_id: string
  cart_id: string
  sku_id: string
  quantity: number
  /** The unit price when the line was last confirmed, to tell the customer about changes. */
  price_seen: number
  added_at: Generated<Date>
}

export interface AddressTable {
  tenant_id: string
  id: Generated<string>
  customer_id: string
  recipient: string
  phone: string
  country: Generated<string>
  province: Generated<string>
  city: Generated<string>
  district: Generated<string>
  line1: string
  line2: Generated<string>
  postal_code: Generated<string>
  is_default: Generated<boolean>
  created_at: Generated<Date>
}

/** A rate rule of a shipping template; `regions` lists provinces (or country codes), `*` = rest. */
export interface ShippingRule {
  regions: string[]
  /** Pieces or grams covered by the first fee. */
  first: number
  firstFee: number
  /** Each further block of pieces or grams costs `additionalFee`. */
  additional: number
  additionalFee: number
}

export interface ShippingTemplateTable {
  tenant_id: string
  id: Generated<string>
  name: string
  basis: 'piece' | 'weight'
  rules: Json<ShippingRule[]>
  free_threshold: number | null
  is_default: Generated<boolean>
  created_at: Generated<Date>
}

export interface PickupPointTable {
  tenant_id: string
  id: Generated<string>
  name: string
  address: string
  hours: Generated<string>
  active: Generated<boolean>
}

export type OrderStatus =
  | 'pending_payment'
  | 'paid'
  | 'partially_shipped'
  | 'shipped'
  | 'received'
  | 'completed'
  | 'cancelled'

export interface OrderTable {
  tenant_id: string
  id: Generated<string>
  number: string
  customer_id: string
  status: OrderStatus
  currency: string
  subtotal: number
  discount_total: Generated<number>
  shipping_fee: Generated<number>
  total: number
  adjustments: Json<unknown[]>
  /** `{ method: 'delivery', address: {…}, templateId } | { method: 'pickup', pickupPoint: {…} }`. */
  delivery: Json<Record<string, unknown>>
  note: Generated<string>
  idempotency_key: string
  request_hash: string
  expires_at: Date | null
  placed_at: Generated<Date>
  paid_at: Date | null
  shipped_at: Date | null
  received_at: Date | null
  completed_at: Date | null
  cancelled_at: Date | null
  cancel_reason: string | null
}

export interface OrderLineTable {
  tenant_id: string
  order_id: string
  id: Generated<string>
  sku_id: string
  product_id: string
  title: Json<LocalizedText>
  spec: Json<Record<string, string>>
  image_media_id: string | null
  quantity: number
  unit_price: number
  subtotal: number
  discount: Generated<number>
  total: number
  after_sales: Json<AfterSales>
  shipped_quantity: Generated<number>
}

export interface StockReservationTable {
  tenant_id: string
  order_id: string
  sku_id: string
  quantity: number
  status: Generated<'held' | 'released' | 'consumed'>
  created_at: Generated<Date>
}

export interface OrderTransitionTable {
  tenant_id: string
  id: Generated<string>
  order_id: string
  from_status: OrderStatus | null
  to_status: OrderStatus
  actor_kind: 'staff' | 'customer' | 'system'
  actor_id: string | null
  data: Json<Record<string, unknown>>
  created_at: Generated<Date>
}

export interface ShipmentTable {
  tenant_id: string
  id: Generated<string>
  order_id: string
  carrier: string
  tracking_number: string
  lines: Json<{ lineId: string; quantity: number }[]>
  shipped_at: Generated<Date>
}

export interface PaymentProviderTable {
  tenant_id: string
  provider: string
  enabled: Generated<boolean>
  config: Json<Record<string, unknown>>
}

export interface PaymentTable {
  tenant_id: string
  id: Generated<string>
  order_id: string
  provider: string
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled'
  amount: number
  currency: string
  provider_ref: string | null
  created_at: Generated<Date>
  succeeded_at: Date | null
}

export interface PaymentNotificationTable {
  tenant_id: string
  provider: string
  notification_id: string
  payment_id: string | null
  received_at: Generated<Date>
  body: Json<unknown>
}

export interface RefundTable {
  tenant_id: string
  id: Generated<string>
  payment_id: string
  order_id: string
  amount: number
  status: 'pending' | 'succeeded' | 'failed'
  reason: Generated<string>
  provider_ref: string | null
  created_at: Generated<Date>
}

export interface OrderCounterTable {
  tenant_id: string
  day: string
  last: number
}

export interface IdempotencyTable {
  tenant_id: string
  scope: string
  key: string
  request_hash: string
  response: Json<unknown>
  created_at: Generated<Date>
}

/** The commerce kernel's tables (migration 0003). */
export interface CommerceDatabase {
  core__media: MediaTable
  core__category: CategoryTable
  core__product: ProductTable
  core__product_image: ProductImageTable
  core__sku: SkuTable
  core__search_term: SearchTermTable
  core__cart: CartTable
  core__cart_line: CartLineTable
  core__address: AddressTable
  core__shipping_template: ShippingTemplateTable
  core__pickup_point: PickupPointTable
  core__order: OrderTable
  core__order_line: OrderLineTable
  core__stock_reservation: StockReservationTable
  core__order_transition: OrderTransitionTable
  core__shipment: ShipmentTable
  core__payment_provider: PaymentProviderTable
  core__payment: PaymentTable
  core__payment_notification: PaymentNotificationTable
  core__refund: RefundTable
  core__order_counter: OrderCounterTable
  core__idempotency: IdempotencyTable
}
