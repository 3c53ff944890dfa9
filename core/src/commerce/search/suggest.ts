import { sql } from 'kysely'
import type { MallContext } from '../../context.ts'
import type { LocalizedText } from '../../db/commerce-schema.ts'
import { localized, type Locale } from './locale.ts'
import { containsPattern, normalizeTerm, wordStartPattern } from './query-variants.ts'
import { toPinyin } from './search-text.ts'

const HAN = /\p{Script=Han}/u

/** How many suggestions one keystroke returns. */
export const SUGGESTION_LIMIT = 8

/** One suggestion: a product title in the request's locale and the product it opens. */
export interface Suggestion {
  productId: string
  text: string
}

/**
 * Product titles for the first keystrokes, best sellers first, in one query the trigram index
 * can serve: a Han prefix matches anywhere (`手` → 手机); latin text matches the start of a word of
 * any segment, so `s` and `sho` reach pinyin lines (`shouji`) and `sj` the initials line.
 */
export async function suggestProducts(
  ctx: MallContext,
  q: string,
  locale: Locale,
): Promise<Suggestion[]> {
  const term = normalizeTerm(q)
  if (!term) return []
  const { rows } = await suggestStatement(ctx.tenant.id, term).execute(ctx.db)
  // Twice the limit, so titles shared by several products still leave eight distinct ones.
  const seen = new Set<string>()
  const suggestions: Suggestion[] = []
  for (const row of rows) {
    const text = localized(row.title, locale, ctx.tenant.default_locale)
    if (!text || seen.has(text)) continue
    seen.add(text)
    suggestions.push({ productId: row.id, text })
    if (suggestions.length === SUGGESTION_LIMIT) break
  }
  return suggestions
}

/** The one statement behind suggestProducts, for a normalised, non-empty `term`. */
function suggestStatement(tenantId: string, term: string) {
  const spelled = HAN.test(term) ? toPinyin(term).replace(/\s+/g, '') : term
  // The contains test is the indexable pre-filter; the word-start test refines it.
  const words = sql`(' ' || translate(p.search_text, chr(10), ' '))`
  const latin = sql`(p.search_text ilike ${containsPattern(spelled)}
    and ${words} like ${wordStartPattern(spelled)})`
  const match = HAN.test(term)
    ? sql`(p.search_text ilike ${containsPattern(term)} or ${latin})`
    : latin
  return sql<{ id: string; title: LocalizedText }>`
    select p.id, p.title from core__product p
    where p.tenant_id = ${tenantId} and p.status = 'active' and ${match}
    order by p.sales_count desc, p.created_at desc, p.id desc
    limit ${SUGGESTION_LIMIT * 2}`
}
