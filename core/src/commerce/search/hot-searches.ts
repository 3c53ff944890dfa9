import { sql } from 'kysely'
import type { MallContext } from '../../context.ts'
import { normalizeTerm } from './query-variants.ts'

/** How many days hot searches look back, today (in the mall's timezone) included. */
export const HOT_SEARCH_DAYS = 7

/** The mall's current day in its own timezone, by the core clock, as SQL. */
const mallToday = (ctx: MallContext) =>
  sql`((${ctx.now().toISOString()}::timestamptz at time zone ${ctx.tenant.timezone})::date)`

/**
 * Counts one search of `q` for today (mall timezone) in the caller's transaction, so the count
 * commits with the search itself. Empty terms are not counted.
 */
export async function recordSearch(ctx: MallContext, q: string): Promise<void> {
  const term = normalizeTerm(q)
  if (!term) return
  await sql`
    insert into core__search_term (tenant_id, term, day, searches)
    values (${ctx.tenant.id}, ${term}, ${mallToday(ctx)}, 1)
    on conflict (tenant_id, term, day)
    do update set searches = core__search_term.searches + 1`.execute(ctx.db)
}

/** The mall's most searched terms over the last HOT_SEARCH_DAYS days, most searched first. */
export async function hotSearches(
  ctx: MallContext,
  limit = 10,
): Promise<{ term: string; searches: number }[]> {
  const { rows } = await sql<{ term: string; searches: number | string }>`
    select term, sum(searches)::int as searches from core__search_term
    where tenant_id = ${ctx.tenant.id} and day > ${mallToday(ctx)} - ${HOT_SEARCH_DAYS}::int
      and day <= ${mallToday(ctx)}
    group by term
    order by sum(searches) desc, term asc
    limit ${limit}`.execute(ctx.db)
  return rows.map((row) => ({ term: row.term, searches: Number(row.searches) }))
}
