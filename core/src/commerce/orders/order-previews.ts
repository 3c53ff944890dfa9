import type { MallContext } from '../../context.ts'
import type { LocalizedText } from '../../db/commerce-schema.ts'
import { lineImageUrls, type MediaLinks } from '../cart/line-images.ts'

/** How many pictures an order list shows per order. */
const PICTURES = 4

/** What an order list shows of an order's lines. */
export interface OrderPreview {
  itemCount: number
  lineCount: number
  firstTitle: LocalizedText
  imageUrls: string[]
}

/**
 * The line previews of `orderIds` (of this mall), by order id: units bought, lines, the first
 * line's title and the first few lines' pictures, in the order they were bought.
 */
export async function orderPreviews(
  ctx: MallContext,
  orderIds: readonly string[],
  media: MediaLinks,
): Promise<Map<string, OrderPreview>> {
  if (orderIds.length === 0) return new Map()
  const lines = await ctx.db
    .selectFrom('core__order_line')
    .select(['order_id', 'title', 'quantity', 'image_media_id'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('position')
    .execute()
  const images = await lineImageUrls(
    ctx,
    lines.map((l) => l.image_media_id),
    media,
  )
  const previews = new Map<string, OrderPreview>()
  for (const line of lines) {
    let preview = previews.get(line.order_id)
    if (!preview) {
      preview = { itemCount: 0, lineCount: 0, firstTitle: line.title, imageUrls: [] }
      previews.set(line.order_id, preview)
    }
    preview.itemCount += line.quantity
    preview.lineCount += 1
    const url = line.image_media_id && images.get(line.image_media_id)
    if (url && preview.imageUrls.length < PICTURES) preview.imageUrls.push(url)
  }
  return previews
}
