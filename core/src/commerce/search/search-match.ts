import { sql, type RawBuilder } from 'kysely'
import {
  containsPattern,
  queryVariants,
  queryWords,
  segmentPattern,
  type QueryVariant,
} from './query-variants.ts'

/** Relevance of one variant: a whole segment beats a substring, which beats any fuzzy match. */
function variantScore(v: QueryVariant): RawBuilder<number> {
  const similarity = sql`${v.weight}::float8 * word_similarity(${v.text}, p.search_text)`
  const fuzzy = v.fuzzy ? sql`when p.search_text %> ${v.text} then ${similarity}` : sql``
  return sql<number>`case
    when (chr(10) || p.search_text || chr(10)) like ${segmentPattern(v.text)}
      then 3 + ${v.weight}::float8
    when p.search_text ilike ${containsPattern(v.text)} then 1 + ${v.weight}::float8
    ${fuzzy} else 0 end`
}

function variantMatches(v: QueryVariant): RawBuilder<boolean> {
  const substring = sql<boolean>`p.search_text ilike ${containsPattern(v.text)}`
  return v.fuzzy ? sql<boolean>`(${substring} or p.search_text %> ${v.text})` : substring
}

/** Every word of a several-word query found, in any order, each under one of its spellings. */
function allWords(words: string[][]): RawBuilder<boolean> {
  const word = (spellings: string[]) =>
    sql`(${sql.join(
      spellings.map((s) => sql`p.search_text ilike ${containsPattern(s)}`),
      sql` or `,
    )})`
  return sql<boolean>`(${sql.join(words.map(word), sql` and `)})`
}

/**
 * The SQL that decides whether product `p` matches the query `q` (substring, in any spelling,
 * or pg_trgm word similarity — `%>` is served by the trigram index) and how well: every
 * substring match scores above 1, every fuzzy match below 1. `undefined` for an empty query.
 */
export function queryMatch(
  q: string,
): { matches: RawBuilder<boolean>; score: RawBuilder<number> } | undefined {
  const variants = queryVariants(q)
  if (!variants.length) return undefined
  const words = queryWords(q)
  const matches = variants.map(variantMatches)
  const scores = variants.map(variantScore)
  if (words.length) {
    // All the words, in another order than typed, rank like a substring of a derived spelling.
    matches.push(allWords(words))
    scores.push(sql<number>`case when ${allWords(words)} then 1.8 else 0 end`)
  }
  return {
    matches: sql<boolean>`(${sql.join(matches, sql` or `)})`,
    score: sql<number>`greatest(${sql.join(scores)})`,
  }
}
