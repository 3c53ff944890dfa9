import { z } from '@hono/zod-openapi'
import { localizedName, localizedOptional } from './localized.ts'
import { MAX_SKUS } from './spec-matrix.ts'

/** Highest price or compare-at price, in minor units (¥10,000,000.00): fits an int4 column. */
export const MAX_PRICE = 1_000_000_000
/** Highest stock of one SKU. */
export const MAX_STOCK = 10_000_000

/** The legal exclusions from 7-day no-reason returns (`ReturnExclusion`). */
export const RETURN_EXCLUSIONS = [
  'custom-made',
  'fresh-perishable',
  'digital-unsealed',
  'periodicals',
  'opened-hygiene',
] as const

/** Per-product after-sales flags; an excluded product is never 7-day returnable. */
export const AfterSalesInput = z
  .object({
    returnable7d: z.boolean(),
    exclusion: z.enum(RETURN_EXCLUSIONS).nullable().default(null),
  })
  .refine((v) => !(v.returnable7d && v.exclusion), {
    path: ['returnable7d'],
    message: 'a product under a legal exclusion cannot be 7-day returnable',
  })

/** One spec dimension (颜色) and its values (红, 蓝); SKUs key them by zh-CN name, else English. */
export const SpecOptionInput = z.object({
  name: localizedName(40),
  values: z.array(localizedName(40)).min(1).max(50),
})

/** One SKU of the request, matched to an existing one by `id`, else by its spec combination. */
export const SkuInput = z
  .object({
    id: z.uuid().optional(),
    spec: z.record(z.string().max(40), z.string().max(40)).default({}),
    code: z.string().trim().min(1).max(64).nullish(),
    price: z.number().int().min(0).max(MAX_PRICE),
    compareAtPrice: z.number().int().min(0).max(MAX_PRICE).nullish(),
    /** Omitted on an existing SKU: its stock is left as it is (inventory owns it). */
    stock: z.number().int().min(0).max(MAX_STOCK).optional(),
    weightGrams: z.number().int().min(0).max(1_000_000).default(0),
    barcode: z.string().trim().max(64).nullish(),
    status: z.enum(['active', 'disabled']).default('active'),
  })
  .refine((v) => v.compareAtPrice == null || v.compareAtPrice >= v.price, {
    path: ['compareAtPrice'],
    message: 'the compare-at price must be at least the price',
  })
export type SkuInput = z.infer<typeof SkuInput>

/** A product as created or replaced through the admin API (and CSV import). */
export const ProductInput = z
  .object({
    title: localizedName(120),
    subtitle: localizedOptional(200).default({}),
    description: localizedOptional(100_000).default({}),
    categoryId: z.uuid().nullable().default(null),
    tags: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
    status: z.enum(['draft', 'active', 'archived']).default('draft'),
    afterSales: AfterSalesInput.default({ returnable7d: true, exclusion: null }),
    specOptions: z.array(SpecOptionInput).max(3).default([]),
    skus: z.array(SkuInput).min(1).max(MAX_SKUS),
    imageIds: z.array(z.uuid()).max(20).default([]),
  })
  .openapi('ProductInput')
export type ProductInput = z.infer<typeof ProductInput>
