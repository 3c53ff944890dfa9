import { z } from '@hono/zod-openapi'
import { MediaSchema } from '../storage/media-routes.ts'
import { LocalizedSchema } from './localized.ts'
import { RETURN_EXCLUSIONS } from './product-input.ts'

/** A SKU in API responses; money in integer minor units of `currency`. */
export const SkuSchema = z
  .object({
    id: z.uuid(),
    spec: z.record(z.string(), z.string()),
    code: z.string().nullable(),
    price: z.number().int(),
    compareAtPrice: z.number().int().nullable(),
    stock: z.number().int(),
    weightGrams: z.number().int(),
    barcode: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
  })
  .openapi('Sku')

const SpecOptionSchema = z.object({ name: LocalizedSchema, values: z.array(LocalizedSchema) })
const AfterSalesSchema = z.object({
  returnable7d: z.boolean(),
  exclusion: z.enum(RETURN_EXCLUSIONS).nullable(),
})

/** A product with its SKUs, spec options, images and after-sales flags. */
export const ProductDetailSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['draft', 'active', 'archived']),
    title: LocalizedSchema,
    subtitle: LocalizedSchema,
    description: LocalizedSchema,
    categoryId: z.uuid().nullable(),
    tags: z.array(z.string()),
    afterSales: AfterSalesSchema,
    specOptions: z.array(SpecOptionSchema),
    priceMin: z.number().int(),
    priceMax: z.number().int(),
    currency: z.string(),
    salesCount: z.number().int(),
    images: z.array(MediaSchema),
    skus: z.array(SkuSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ProductDetail')

/** A product in lists: prices, total stock and the cover image. */
export const ProductSummarySchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['draft', 'active', 'archived']),
    title: LocalizedSchema,
    subtitle: LocalizedSchema,
    categoryId: z.uuid().nullable(),
    tags: z.array(z.string()),
    priceMin: z.number().int(),
    priceMax: z.number().int(),
    compareAtPriceMax: z.number().int().nullable(),
    currency: z.string(),
    stock: z.number().int(),
    salesCount: z.number().int(),
    image: MediaSchema.nullable(),
    createdAt: z.string(),
  })
  .openapi('ProductSummary')

/** A page of products. */
export const ProductPageSchema = z.object({
  items: z.array(ProductSummarySchema),
  nextCursor: z.string().nullable(),
})

/** A category; `children` holds its subcategories in position order. */
export type CategoryNode = {
  id: string
  parentId: string | null
  name: { 'zh-CN'?: string | undefined; en?: string | undefined }
  position: number
  productCount: number
  children: CategoryNode[]
}

/** A category node of the tree, with its subcategories nested. */
export const CategorySchema: z.ZodType<CategoryNode> = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    name: LocalizedSchema,
    position: z.number().int(),
    productCount: z.number().int(),
    get children() {
      return z.array(CategorySchema)
    },
  })
  .openapi('Category')
