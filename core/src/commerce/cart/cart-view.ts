import { z } from '@hono/zod-openapi'
import type { MallContext } from '../../context.ts'
import type { PluginHost } from '../../plugins/host.ts'
import { loadSkus } from '../inventory/skus.ts'
import { priceCart } from '../pricing/price-cart.ts'
import { AdjustmentSchema } from '../pricing/price-schema.ts'
import { lineImageUrls, type MediaLinks } from './line-images.ts'

const Localized = z.object({ 'zh-CN': z.string().optional(), en: z.string().optional() })

/** A cart line as the storefront shows it, with what is wrong with it and why it costs what. */
export const CartLineSchema = z.object({
  skuId: z.uuid(),
  productId: z.uuid(),
  title: Localized,
  spec: z.record(z.string(), z.string()),
  imageMediaId: z.string().nullable(),
  /** The product's first picture, small (`thumb` variant), on this request's host. */
  imageUrl: z.string().nullable(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  stock: z.number().int(),
  /** `unavailable`: SKU or product not on sale; `insufficient_stock`: fewer in stock than wanted. */
  problems: z.array(z.enum(['unavailable', 'insufficient_stock'])),
  /** Set once when the price changed since the customer last saw it. */
  priceChange: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  subtotal: z.number().int(),
  discount: z.number().int(),
  total: z.number().int(),
  adjustments: z.array(AdjustmentSchema),
  allocation: z.number().int(),
})

/** The cart with its pricing explanation; lines with problems are not priced. */
export const CartSchema = z
  .object({
    currency: z.string(),
    lines: z.array(CartLineSchema),
    adjustments: z.array(AdjustmentSchema),
    subtotal: z.number().int(),
    discountTotal: z.number().int(),
    total: z.number().int(),
    /** True when a guest cart was just merged into this one. */
    merged: z.boolean(),
  })
  .openapi('Cart')
export type CartView = z.infer<typeof CartSchema>

/**
 * Reads a cart and re-validates every line against the catalog (status, stock, price), prices
 * the valid lines through the pipeline, and then records the current prices as seen, so a price
 * change is reported exactly once. Pictures are linked as `media` spells them.
 */
export async function readCart(
  ctx: MallContext,
  plugins: PluginHost,
  cartId: string | undefined,
  media: MediaLinks,
  merged = false,
): Promise<CartView> {
  const currency = ctx.tenant.currency
  const empty = {
    currency,
    lines: [],
    adjustments: [],
    subtotal: 0,
    discountTotal: 0,
    total: 0,
    merged,
  }
  if (!cartId) return empty
  const rows = await ctx.db
    .selectFrom('core__cart_line')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('cart_id', '=', cartId)
    .orderBy('added_at')
    .orderBy('sku_id')
    .execute()
  const skus = await loadSkus(
    ctx,
    rows.map((r) => r.sku_id),
  )
  const lines = rows.flatMap((row) => {
    const sku = skus.get(row.sku_id)
    if (!sku) return []
    const problems: ('unavailable' | 'insufficient_stock')[] = []
    if (!sku.active) problems.push('unavailable')
    else if (row.quantity > sku.stock) problems.push('insufficient_stock')
    const priceChange =
      row.price_seen === sku.price ? null : { from: row.price_seen, to: sku.price }
    return [{ row, sku, problems, priceChange }]
  })
  const priced = await priceCart(ctx, plugins, {
    currency,
    lines: lines
      .filter((l) => l.problems.length === 0)
      .map((l) => ({
        id: l.sku.skuId,
        skuId: l.sku.skuId,
        quantity: l.row.quantity,
        unitPrice: l.sku.price,
      })),
  })
  for (const line of lines.filter((l) => l.priceChange))
    await ctx.db
      .updateTable('core__cart_line')
      .set({ price_seen: line.sku.price })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('cart_id', '=', cartId)
      .where('sku_id', '=', line.sku.skuId)
      .execute()
  const pricedById = new Map(priced.lines.map((l) => [l.id, l]))
  const images = await lineImageUrls(
    ctx,
    lines.map((l) => l.sku.imageMediaId),
    media,
  )
  return {
    currency,
    lines: lines.map(({ row, sku, problems, priceChange }) => {
      const p = pricedById.get(sku.skuId)
      const subtotal = row.quantity * sku.price
      return {
        skuId: sku.skuId,
        productId: sku.productId,
        title: sku.title,
        spec: sku.spec,
        imageMediaId: sku.imageMediaId,
        imageUrl: (sku.imageMediaId && images.get(sku.imageMediaId)) ?? null,
        quantity: row.quantity,
        unitPrice: sku.price,
        stock: sku.stock,
        problems,
        priceChange,
        subtotal,
        discount: p?.discount ?? 0,
        total: p?.total ?? subtotal,
        adjustments: p?.adjustments ?? [],
        allocation: p?.allocation ?? 0,
      }
    }),
    adjustments: priced.adjustments,
    subtotal: priced.subtotal,
    discountTotal: priced.discountTotal,
    total: priced.subtotal - priced.discountTotal,
    merged,
  }
}
