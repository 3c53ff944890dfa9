import { sql } from 'kysely'
import type { MallContext } from '../../context.ts'

/** The calendar day of `at` in `timeZone`, as `YYYY-MM-DD`. */
export function dayIn(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  return parts.format(at)
}

/**
 * Gives the order the mall's next number, `YYYYMMDD-NNNNNN`, counted per day in the mall's
 * timezone: one statement upserts `core__order_counter` (its row lock serialises concurrent
 * orders until commit) and writes the number onto the order. Returns the number.
 */
export async function assignOrderNumber(ctx: MallContext, orderId: string): Promise<string> {
  const day = dayIn(ctx.now(), ctx.tenant.timezone)
  const result = await sql<{ number: string }>`
    with counter as (
      insert into core__order_counter (tenant_id, day, last) values (${ctx.tenant.id}, ${day}, 1)
      on conflict (tenant_id, day) do update set last = core__order_counter.last + 1
      returning last)
    update core__order set number = ${day.replaceAll('-', '')} || '-' || lpad(counter.last::text, 6, '0')
    from counter
    where core__order.tenant_id = ${ctx.tenant.id} and core__order.id = ${orderId}
    returning core__order.number`.execute(ctx.db)
  const number = result.rows[0]?.number
  if (!number) throw new Error(`Order ${orderId} vanished while being numbered`)
  return number
}
