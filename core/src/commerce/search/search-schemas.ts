import { z } from '@hono/zod-openapi'
import { SEARCH_SORTS } from './product-search.ts'

/** The largest price a filter takes: prices are PostgreSQL integers (minor units). */
const MAX_PRICE = 2_147_483_647

const Price = z.coerce.number().int().min(0).max(MAX_PRICE)

/** `?tags=a,b`: products carrying every listed tag. */
const Tags = z
  .string()
  .max(500)
  .transform((value, ctx) => {
    const tags = [
      ...new Set(
        value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ]
    if (tags.length > 10) ctx.addIssue({ code: 'custom', message: 'at most 10 tags' })
    if (tags.some((t) => t.length > 50))
      ctx.addIssue({ code: 'custom', message: 'a tag has at most 50 characters' })
    return tags
  })

/** The search query string; bad values are a 422 naming `query.<field>`. */
export const SearchQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    category: z.uuid().optional(),
    minPrice: Price.optional(),
    maxPrice: Price.optional(),
    inStock: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .optional(),
    tags: Tags.optional(),
    sort: z.enum(SEARCH_SORTS).default('relevance'),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    locale: z.string().max(20).optional(),
  })
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    message: 'minPrice is above maxPrice',
    path: ['minPrice'],
  })

/** A product card of the search results (money in minor units of `currency`). */
export const SearchItemSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    priceMin: z.number().int(),
    priceMax: z.number().int(),
    compareAtPrice: z.number().int().nullable(),
    inStock: z.boolean(),
    imageUrl: z.string().nullable(),
    salesCount: z.number().int(),
  })
  .openapi('SearchItem')
/** One product card in search results. */
export type SearchItem = z.infer<typeof SearchItemSchema>

/** One page of search results. */
export const SearchResultSchema = z
  .object({
    items: z.array(SearchItemSchema),
    nextCursor: z.string().nullable(),
    currency: z.string(),
  })
  .openapi('SearchResult')
