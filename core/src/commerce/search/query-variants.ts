import { escapeLike } from '../../db/sql-helpers.ts'
import { toInitials, toPinyin } from './search-text.ts'

const HAN = /\p{Script=Han}/u
const ALL_HAN = /^\p{Script=Han}+$/u

/** One spelling of the query that `search_text` is matched against, with how much it counts. */
export interface QueryVariant {
  /** Lowercased text, as it would appear in `search_text`. */
  text: string
  /** Relevance weight in (0, 1]: the raw text counts most, derived spellings less. */
  weight: number
  /** Whether pg_trgm typo tolerance applies: only for long enough, non-initials spellings. */
  fuzzy: boolean
}

/**
 * A search term as recorded for hot searches and matched as the raw variant: trimmed, lowercased,
 * inner whitespace collapsed to one space.
 */
export function normalizeTerm(q: string): string {
  return q.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')
}

/**
 * The spellings a query is matched under: the raw text; for Han text its pinyin with latin kept
 * (`手ji` → `shouji`) and, for all-Han queries, its initials (`手机` → `sj`); for spaced latin the
 * text without spaces (`shou ji` → `shouji`, as the pinyin line is written). Duplicates dropped.
 */
export function queryVariants(q: string): QueryVariant[] {
  const raw = normalizeTerm(q)
  if (!raw) return []
  const variants: QueryVariant[] = [{ text: raw, weight: 1, fuzzy: [...raw].length >= 3 }]
  if (HAN.test(raw)) {
    const spelled = toPinyin(raw).replace(/\s+/g, '')
    variants.push({ text: spelled, weight: 0.9, fuzzy: spelled.length >= 3 })
    const compact = raw.replace(/\s+/g, '')
    if (ALL_HAN.test(compact) && [...compact].length >= 2)
      variants.push({ text: toInitials(compact), weight: 0.5, fuzzy: false })
  } else if (raw.includes(' ')) {
    const joined = raw.replace(/ /g, '')
    variants.push({ text: joined, weight: 0.9, fuzzy: joined.length >= 3 })
  }
  const seen = new Set<string>()
  return variants.filter((v) => v.text && !seen.has(v.text) && seen.add(v.text))
}

/**
 * For a query of several words, each word's spellings (itself, and its pinyin when it has Han
 * characters), so `headphones bluetooth` or `红色 手机` match in any order; at most 8 words.
 * A one-word query returns `[]`: the variants cover it.
 */
export function queryWords(q: string): string[][] {
  const words = [...new Set(normalizeTerm(q).split(' ').filter(Boolean))].slice(0, 8)
  if (words.length < 2) return []
  return words.map((word) => {
    const spelled = HAN.test(word) ? toPinyin(word).replace(/\s+/g, '') : word
    return spelled === word ? [word] : [word, spelled]
  })
}

/** A LIKE pattern matching `text` anywhere (`%text%`), with user wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`
}

/** A LIKE pattern over `\n` + search_text + `\n` matching `text` as one whole segment. */
export function segmentPattern(text: string): string {
  return `%\n${escapeLike(text)}\n%`
}

/** A LIKE pattern over ` ` + segments joined by spaces matching a word that starts with `text`. */
export function wordStartPattern(text: string): string {
  return `% ${escapeLike(text)}%`
}
