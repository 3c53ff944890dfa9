import type { Generated } from 'kysely'
import type { PointsEntryKind } from '../events.ts'

export type BalanceEntryKind = 'top-up' | 'pay' | 'return' | 'adjust'
export type GrowthEntryKind = 'earn' | 'reverse' | 'adjust'

export interface AccountTable {
  tenant_id: string
  customer_id: string
  points: Generated<number>
  balance: Generated<number>
  growth: Generated<number>
  tier: string
  tier_since: Date
  /** `YYYY-MM-DD` (pg `date`, read as text by the driver setting below). */
  birthday: Date | string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface EntryTable<K extends string> {
  tenant_id: string
  id: Generated<string>
  customer_id: string
  kind: K
  delta: number
  balance: number
  idempotency_key: string
  order_id: string | null
  year: number
  reason: Generated<string>
  actor_kind: string
  actor_id: string | null
  created_at: Generated<Date>
}

export interface CheckInTable {
  tenant_id: string
  customer_id: string
  day: string
  made_up: Generated<boolean>
  points: Generated<number>
  created_at: Generated<Date>
}

export interface TopUpPackageTable {
  tenant_id: string
  id: Generated<string>
  name: string
  amount: number
  bonus: Generated<number>
  active: Generated<boolean>
  position: Generated<number>
  created_at: Generated<Date>
  /** The catalog SKU that sells it online (`0003-top-up-sku`); null: paid off-line. */
  sku_id: Generated<string | null>
}

export interface TopUpTable {
  tenant_id: string
  id: Generated<string>
  customer_id: string
  package_id: string | null
  amount: number
  bonus: Generated<number>
  status: Generated<'pending' | 'paid' | 'cancelled'>
  idempotency_key: string
  created_at: Generated<Date>
  paid_at: Date | null
  /** The order that buys it (`0003-top-up-sku`); null for top-ups staff confirm. */
  order_id: Generated<string | null>
}

export interface CardPeriodTable {
  tenant_id: string
  id: Generated<string>
  customer_id: string
  kind: 'trial' | 'purchase'
  source_key: string
  order_id: string | null
  plan: string | null
  days: number
  revoked_at: Date | null
  created_at: Generated<Date>
}

export interface CardReminderTable {
  tenant_id: string
  customer_id: string
  ends_at: Date
  created_at: Generated<Date>
}

/** An item of the points mall: a coupon for a points price (`0004-points-mall`). */
export interface MallItemTable {
  tenant_id: string
  id: Generated<string>
  kind: Generated<'coupon'>
  name: string
  coupon_template_id: string
  points: number
  stock: number | null
  exchanged: Generated<number>
  per_customer_limit: Generated<number>
  active: Generated<boolean>
  position: Generated<number>
  deleted_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

/** One exchange of points for a points mall item, keyed by the customer's Idempotency-Key. */
export interface MallExchangeTable {
  tenant_id: string
  id: Generated<string>
  item_id: string
  customer_id: string
  points: number
  idempotency_key: string
  created_at: Generated<Date>
}

/** The plugin's tables, for `pluginDb<MembershipTables>(ctx)`. */
export type MembershipTables = {
  membership__account: AccountTable
  membership__points_entry: EntryTable<PointsEntryKind>
  membership__balance_entry: EntryTable<BalanceEntryKind>
  membership__growth_entry: EntryTable<GrowthEntryKind>
  membership__check_in: CheckInTable
  membership__top_up_package: TopUpPackageTable
  membership__top_up: TopUpTable
  membership__card_period: CardPeriodTable
  membership__card_reminder: CardReminderTable
  membership__mall_item: MallItemTable
  membership__mall_exchange: MallExchangeTable
}
