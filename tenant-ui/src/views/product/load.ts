import { labelOf } from '../../../../core/src/commerce/catalog/localized.ts'
import { loadProductDetails } from '../../../../core/src/commerce/catalog/product-read.ts'
import { MAX_LINE_QUANTITY } from '../../../../core/src/commerce/cart/cart-store.ts'
import type { MallContext } from '../../../../core/src/context.ts'
import { compareAtPrice, responsiveImage } from '../../blocks/product-grid/grid-product.ts'
import type { ViewLoader } from '../../server/view-loader.ts'
import { pick } from '../../shared/localized.ts'
import type { ProductImage, ProductViewData, ShippingTemplate } from './data.ts'

/** How long a description may be in the page's meta description. */
const DESCRIPTION_LENGTH = 160

/** The template checkout charges by: the default one, else the oldest (as `resolveDelivery`). */
async function shippingTemplate(ctx: MallContext): Promise<ShippingTemplate | null> {
  const row = await ctx.db
    .selectFrom('core__shipping_template')
    .select(['basis', 'rules', 'free_threshold'])
    .where('tenant_id', '=', ctx.tenant.id)
    .orderBy('is_default', 'desc')
    .orderBy('created_at')
    .executeTakeFirst()
  if (!row) return null
  return {
    basis: row.basis,
    freeThreshold: row.free_threshold === null ? null : Number(row.free_threshold),
    rules: row.rules,
  }
}

/** Text of sanitized HTML, for the meta description. */
const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text

/**
 * An active product with its SKUs on sale, images, description and the mall's shipping
 * template; null (not found) for unknown, draft and archived products.
 */
export const load: ViewLoader<ProductViewData> = async (ctx, request) => {
  const id = request.params.productId ?? ''
  const [product] = await loadProductDetails(ctx.db, ctx.tenant.id, [id], request.view, {
    status: 'active',
    activeSkusOnly: true,
  })
  if (!product || product.skus.length === 0) return null
  const locale = request.locale
  const title = pick(product.title, locale)
  const subtitle = pick(product.subtitle, locale)
  const descriptionHtml = pick(product.description, locale)
  const images: ProductImage[] = product.images.map((media) => ({
    ...responsiveImage(media),
    alt: media.alt || title,
  }))
  const prices = product.skus.map((sku) => sku.price)
  const priceMin = Math.min(...prices)
  const compareAt = Math.max(0, ...product.skus.map((sku) => sku.compareAtPrice ?? 0))
  const first = images[0]?.src
  return {
    title,
    description: clip(subtitle || plainText(descriptionHtml) || title, DESCRIPTION_LENGTH),
    // Image URLs already carry the mall's prefix; the document adds it to a mall path itself.
    ...(first
      ? { ogImage: first.startsWith(request.base) ? first.slice(request.base.length) : first }
      : {}),
    data: {
      id: product.id,
      title,
      subtitle,
      descriptionHtml,
      images,
      specs: product.specOptions.map((option) => ({
        key: labelOf(option.name),
        name: pick(option.name, locale),
        values: option.values.map((value) => ({ key: labelOf(value), label: pick(value, locale) })),
      })),
      skus: product.skus.map((sku) => ({
        id: sku.id,
        spec: sku.spec,
        price: sku.price,
        compareAt: compareAtPrice(sku.price, sku.compareAtPrice),
        stock: sku.stock,
        weightGrams: sku.weightGrams,
      })),
      priceMin,
      priceMax: Math.max(...prices),
      compareAt: compareAtPrice(priceMin, compareAt),
      salesCount: product.salesCount,
      returnable7d: product.afterSales.returnable7d,
      shipping: await shippingTemplate(ctx),
      maxQuantity: MAX_LINE_QUANTITY,
    },
  }
}
