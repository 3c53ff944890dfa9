import type { MallContext } from '../../context.ts'
import type { Storage } from '../storage/storage.ts'

/** How media URLs are spelled on this request: the storage and the mall's path prefix. */
export interface MediaLinks {
  storage: Storage
  /** `''` on the mall's own host, `/s/<slug>` when reached by path. */
  base: string
}

/**
 * The small picture of each media id, for cart and order lines: the `thumb` variant, else the
 * original. Ids of media since deleted are simply missing, so a line shows no picture.
 */
export async function lineImageUrls(
  ctx: MallContext,
  mediaIds: readonly (string | null)[],
  links: MediaLinks,
): Promise<Map<string, string>> {
  const ids = [...new Set(mediaIds.filter((id): id is string => id !== null))]
  if (ids.length === 0) return new Map()
  const rows = await ctx.db
    .selectFrom('core__media')
    .select(['id', 'storage_key', 'variants'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', 'in', ids)
    .execute()
  return new Map(
    rows.map((row) => [
      row.id,
      links.base + links.storage.publicPath(row.variants.thumb?.key ?? row.storage_key),
    ]),
  )
}
