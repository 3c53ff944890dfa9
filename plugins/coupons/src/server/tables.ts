import type { ColumnType, Generated } from 'kysely'
import type { CouponBenefit, CouponScope } from '../pricing/coupon-rules.ts'

/** A jsonb column: read as `T`, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>

export type TemplateStatus = 'draft' | 'live' | 'paused' | 'ended'
export type CouponStatus = 'available' | 'locked' | 'used' | 'expired' | 'returned'
export type CouponSource = 'claim' | 'code' | 'staff' | 'event'
export type Audience = 'everyone' | 'new_customers' | 'segment'

export interface TemplateTable {
  tenant_id: string
  id: Generated<string>
  name: string
  description: Generated<string>
  kind: CouponBenefit['kind']
  benefit: Json<CouponBenefit>
  scope: Json<CouponScope>
  validity_kind: 'window' | 'relative'
  valid_from: Date | null
  valid_until: Date | null
  valid_days: number | null
  total_quantity: number | null
  issued: Generated<number>
  per_customer_limit: Generated<number>
  audience: Generated<Audience>
  segment: string | null
  public: Generated<boolean>
  status: Generated<TemplateStatus>
  combinable_with_promotions: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface CodeTable {
  tenant_id: string
  code: string
  template_id: string
  created_at: Generated<Date>
}

export interface CouponTable {
  tenant_id: string
  id: Generated<string>
  template_id: string
  customer_id: string
  claim_no: number
  status: Generated<CouponStatus>
  valid_from: Date
  valid_until: Date
  source: CouponSource
  source_ref: string | null
  order_id: string | null
  discount: number | null
  order_total: number | null
  idempotency_key: string
  created_at: Generated<Date>
  updated_at: Generated<Date>
  used_at: Date | null
}

export interface LedgerTable {
  tenant_id: string
  id: Generated<string>
  coupon_id: string
  template_id: string
  action: 'issued' | 'locked' | 'released' | 'used' | 'returned'
  order_id: string | null
  amount: Generated<number>
  actor_kind: string
  actor_id: string | null
  created_at: Generated<Date>
}

/** The plugin's tables, for `pluginDb<CouponTables>(ctx)`. */
export type CouponTables = {
  coupons__template: TemplateTable
  coupons__code: CodeTable
  coupons__coupon: CouponTable
  coupons__ledger: LedgerTable
}
