import { randomUUID } from 'node:crypto'
import type { MediaTable } from '../../db/commerce-schema.ts'
import type { TenantTx } from '../../db/tenant-scope.ts'
import { validationError } from '../../http/errors.ts'
import {
  probeImage,
  renderVariants,
  type ProbedImage,
  type RenderedVariant,
} from './image-processing.ts'
import type { Storage } from './storage.ts'

type Variants = Record<string, { key: string; width: number; height: number }>

/** A media row as read back from the database. */
export interface MediaRow {
  id: string
  storage_key: string
  content_type: string
  bytes: number
  width: number
  height: number
  variants: Variants
  alt: string | null
}

/** An upload checked and thumbnailed, not yet stored: the slow part, done outside a transaction. */
export interface PreparedImage {
  data: Buffer
  probed: ProbedImage
  variants: RenderedVariant[]
}

/**
 * Checks by content that `data` is an accepted image (422 naming `field` otherwise) and renders
 * its thumbnails. Touches neither storage nor the database.
 */
export async function prepareImage(data: Buffer, field = 'body.file'): Promise<PreparedImage> {
  const probed = await probeImage(data)
  if (!probed)
    throw validationError(
      [{ field, message: 'not an image in an accepted format (JPEG, PNG, WebP, GIF, AVIF)' }],
      'The file is not an accepted image',
    )
  return { data, probed, variants: await renderVariants(data) }
}

/**
 * Stores a prepared image of one mall: writes the original and its thumbnails through `storage`,
 * then records it in `core__media` inside `tx`. Files written for a transaction that later rolls
 * back are orphans, never dangling references.
 */
export async function storeImage(
  tx: TenantTx,
  tenantId: string,
  storage: Storage,
  image: PreparedImage,
  options: { alt?: string | undefined } = {},
): Promise<MediaRow> {
  const { data, probed } = image
  const id = randomUUID()
  const key = `${tenantId}/${id}/original.${probed.ext}`
  const variants: Variants = {}
  await storage.put(key, data, probed.mime)
  for (const variant of image.variants) {
    const variantKey = `${tenantId}/${id}/${variant.name}.webp`
    await storage.put(variantKey, variant.data, 'image/webp')
    variants[variant.name] = { key: variantKey, width: variant.width, height: variant.height }
  }
  return tx
    .insertInto('core__media')
    .values({
      tenant_id: tenantId,
      id,
      storage_key: key,
      content_type: probed.mime,
      bytes: data.length,
      width: probed.width,
      height: probed.height,
      variants: JSON.stringify(variants),
      alt: options.alt ?? null,
    })
    .returning(['id', 'storage_key', 'content_type', 'bytes', 'width', 'height', 'variants', 'alt'])
    .executeTakeFirstOrThrow()
}

/** A stored image as the APIs show it: URLs on the mall's host, with its thumbnails. */
export interface MediaView {
  id: string
  url: string
  contentType: string
  width: number
  height: number
  alt: string | null
  variants: Record<string, { url: string; width: number; height: number }>
}

/**
 * The API view of a media row. `base` is prepended to every path: empty on the mall's own host,
 * `/s/<slug>` when the mall is reached by path on the platform host.
 */
export function toMediaView(
  row: Pick<MediaTable, 'alt' | 'content_type' | 'width' | 'height'> & {
    id: string
    storage_key: string
    variants: Variants
  },
  storage: Storage,
  base = '',
): MediaView {
  return {
    id: row.id,
    url: base + storage.publicPath(row.storage_key),
    contentType: row.content_type,
    width: row.width,
    height: row.height,
    alt: row.alt,
    variants: Object.fromEntries(
      Object.entries(row.variants).map(([name, v]) => [
        name,
        { url: base + storage.publicPath(v.key), width: v.width, height: v.height },
      ]),
    ),
  }
}
