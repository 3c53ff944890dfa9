import type { Generated } from 'kysely'
import type { MallContext } from '../../context.ts'

/** Row of `core__commerce_setting` (migration 0004). */
export interface CommerceSettingTable {
  tenant_id: string
  unpaid_timeout_minutes: Generated<number>
  auto_receive_days: Generated<number>
  complete_days: Generated<number>
  updated_at: Generated<Date>
}

declare module '../../db/schema.ts' {
  interface Database {
    core__commerce_setting: CommerceSettingTable
  }
}

declare module '../../db/commerce-schema.ts' {
  interface OrderLineTable {
    /** The line's place in the order as bought (migration 0007). */
    position: Generated<number>
  }
}

/** A mall's order timing. */
export interface CommerceSettings {
  unpaidTimeoutMinutes: number
  autoReceiveDays: number
  completeDays: number
}

/** The timing a mall uses until it saves its own. */
export const defaultCommerceSettings: CommerceSettings = {
  unpaidTimeoutMinutes: 30,
  autoReceiveDays: 10,
  completeDays: 7,
}

/** The mall's order timing; the defaults when it never set any. */
export async function commerceSettings(ctx: MallContext): Promise<CommerceSettings> {
  const row = await ctx.db
    .selectFrom('core__commerce_setting')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .executeTakeFirst()
  if (!row) return defaultCommerceSettings
  return {
    unpaidTimeoutMinutes: row.unpaid_timeout_minutes,
    autoReceiveDays: row.auto_receive_days,
    completeDays: row.complete_days,
  }
}

/** One day in milliseconds, for the day-based timers. */
export const DAY_MS = 24 * 60 * 60 * 1000
