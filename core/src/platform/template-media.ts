import { z } from '@hono/zod-openapi'
import { storageFor } from '../commerce/storage/storage.ts'
import type { TenantTx } from '../db/tenant-scope.ts'
import type { CoreServices } from '../services.ts'

/** A media row a template's pages show, copied into each mall created from it. */
export const TemplateMedia = z.object({
  id: z.uuid(),
  storageKey: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  variants: z.record(
    z.string(),
    z.object({ key: z.string(), width: z.number(), height: z.number() }),
  ),
  alt: z.string().nullable(),
})
export type TemplateMedia = z.infer<typeof TemplateMedia>

/**
 * A media path in a page (`mediaPath`): `/media/<mediaId>/<file>`, which is the page's own mall's,
 * or, as pages saved before it hold, `/media/<tenantId>/<mediaId>/<file>`.
 */
const MEDIA_PATH =
  /\/media\/(?:([0-9a-f-]{36})\/)?([0-9a-f-]{36})\/([a-z0-9]{1,20}\.(?:jpg|png|webp|gif|avif))/g
const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const PRODUCT_LINK = new RegExp(`^/products/${UUID}$`)
const CATEGORY_LINK = new RegExp(`^/categories/${UUID}$`)

/** Every string in a JSON value, mapped by `change`. */
export function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value)
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change))
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)]),
    )
  return value
}

/** The ids of `tenantId`'s media that `documents` (pages of that mall) show. */
export function referencedMediaIds(documents: readonly unknown[], tenantId: string): string[] {
  const ids = new Set<string>()
  mapStrings(documents, (text) => {
    for (const match of text.matchAll(MEDIA_PATH))
      if ((match[1] ?? tenantId) === tenantId) ids.add(match[2]!)
    return text
  })
  return [...ids]
}

/**
 * A page document made fit for other malls: links to the source mall's own products and
 * categories (which no other mall has) lead to the search and the category list instead.
 */
export function genericLinks(document: unknown): unknown {
  return mapStrings(document, (text) =>
    PRODUCT_LINK.test(text) ? '/search' : CATEGORY_LINK.test(text) ? '/categories' : text,
  )
}

/**
 * Copies the template's media into the new mall (stored objects under the new mall's keys, and
 * their library rows, ids kept) and returns `rewrite`, which points a document's media paths at
 * the copies (only the older paths name a mall; `/media/<mediaId>/…` stays as it is). Runs in the new mall's tenant scope. Objects are written before the transaction
 * commits: a rollback leaves unreferenced copies behind, never a page without its images.
 */
export async function copyTemplateMedia(
  services: CoreServices,
  tx: TenantTx,
  media: readonly TemplateMedia[],
  sourceTenantId: string | null,
  tenantId: string,
): Promise<(document: unknown) => unknown> {
  if (!sourceTenantId || !media.length) return (document) => document
  const storage = storageFor(services.config)
  const moved = (key: string) => key.replace(`${sourceTenantId}/`, `${tenantId}/`)
  for (const item of media) {
    const keys = [item.storageKey, ...Object.values(item.variants).map((v) => v.key)]
    for (const key of keys) {
      const object = await storage.get(key)
      if (!object) continue
      const bytes = Buffer.from(await new Response(object.stream).arrayBuffer())
      await storage.put(
        moved(key),
        bytes,
        CONTENT_TYPES[key.split('.').pop() ?? ''] ?? item.contentType,
      )
    }
    await tx
      .insertInto('core__media')
      .values({
        tenant_id: tenantId,
        id: item.id,
        storage_key: moved(item.storageKey),
        content_type: item.contentType,
        bytes: item.bytes,
        width: item.width,
        height: item.height,
        variants: JSON.stringify(
          Object.fromEntries(
            Object.entries(item.variants).map(([name, v]) => [name, { ...v, key: moved(v.key) }]),
          ),
        ),
        alt: item.alt,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
      .execute()
  }
  return (document) =>
    mapStrings(document, (text) =>
      text.replaceAll(`/media/${sourceTenantId}/`, `/media/${tenantId}/`),
    )
}
