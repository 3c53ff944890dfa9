import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { commonErrors, json } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { hotSearches, recordSearch } from './hot-searches.ts'
import { requestLocale } from './locale.ts'
import { viewOptions } from '../catalog/view-options.ts'
import { storageFor } from '../storage/storage.ts'
import { searchProducts } from './product-search.ts'
import { SearchQuery, SearchResultSchema } from './search-schemas.ts'
import { suggestProducts } from './suggest.ts'

const LocaleQuery = z
  .string()
  .max(20)
  .optional()
  .openapi({ description: '`zh-CN` or `en`; default from Accept-Language, then the mall' })

const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['store'],
  summary:
    'Fuzzy product search (Chinese, pinyin, initials, English with typos), filtered, sorted, paged',
  request: { query: SearchQuery },
  responses: { 200: json(SearchResultSchema), ...commonErrors },
})

const suggest = createRoute({
  method: 'get',
  path: '/search/suggest',
  tags: ['store'],
  summary: 'Up to 8 product titles for the first keystrokes (`s`, `sho`, `sj`, `手`)',
  request: { query: z.object({ q: z.string().trim().max(100).default(''), locale: LocaleQuery }) },
  responses: {
    200: json(
      z.object({ suggestions: z.array(z.object({ productId: z.uuid(), text: z.string() })) }),
    ),
    ...commonErrors,
  },
})

const hot = createRoute({
  method: 'get',
  path: '/search/hot',
  tags: ['store'],
  summary: "The mall's most searched terms of the last 7 days (mall timezone)",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(20).default(10) }) },
  responses: {
    200: json(
      z.object({ terms: z.array(z.object({ term: z.string(), searches: z.number().int() })) }),
    ),
    ...commonErrors,
  },
})

const localeOf = (c: Context, explicit: string | undefined) =>
  requestLocale(explicit, c.req.header('accept-language'), c.var.tenant.default_locale)

/** `/api/store/search`, `/search/suggest`, `/search/hot`: product search of the resolved mall. */
export function searchStoreRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  return createRouter()
    .openapi(search, async (c) => {
      const query = c.req.valid('query')
      const locale = localeOf(c, query.locale)
      const view = viewOptions(c, storage)
      const result = await c.var.inMall(async (ctx) => {
        const found = await searchProducts(ctx, query, locale, view)
        // Counted once per search, not per page, in the search's transaction; last, so the row
        // lock on today's counter is held only until the commit, not during the search.
        if (query.q && !query.cursor) await recordSearch(ctx, query.q)
        return found
      })
      return c.json({ ...result, currency: view.currency }, 200)
    })
    .openapi(suggest, async (c) => {
      const { q, locale } = c.req.valid('query')
      const chosen = localeOf(c, locale)
      const suggestions = await c.var.inMall((ctx) => suggestProducts(ctx, q, chosen))
      return c.json({ suggestions }, 200)
    })
    .openapi(hot, async (c) => {
      const { limit } = c.req.valid('query')
      // Not a shared answer: searching announces nothing (it would flush the mall's pages on every
      // search), and hot terms must follow the searches at once.
      const terms = await c.var.inMall((ctx) => hotSearches(ctx, limit))
      return c.json({ terms }, 200)
    })
}
