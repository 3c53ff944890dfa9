import { z } from '@hono/zod-openapi'
import type { Db } from '../db/create-db.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { PageTheme } from '../page/document.ts'
import { migratePage } from '../page/migrate.ts'
import { genericLinks, referencedMediaIds, TemplateMedia } from './template-media.ts'
import './template-table.ts'

/**
 * What a template carries: every published page (its published document, which holds the page's
 * theme), and the enabled plugins with their settings. Never catalog, customer or order data.
 */
export const TemplateSnapshot = z.object({
  version: z.literal(1),
  /** The home page's theme, shown in the template picker; each page carries its own. */
  theme: PageTheme,
  pages: z.array(
    z.object({
      path: z.string(),
      kind: z.enum(['home', 'custom', 'plugin']),
      pluginId: z.string().nullable(),
      title: z.record(z.string(), z.string()),
      document: z.unknown(),
    }),
  ),
  plugins: z.array(z.object({ id: z.string(), settings: z.record(z.string(), z.unknown()) })),
  /** The mall the snapshot was taken of: its media paths in `pages` are rewritten on copy. */
  sourceTenantId: z.uuid().nullable(),
  /** The source mall's media the pages show. */
  media: z.array(TemplateMedia),
})
export type TemplateSnapshot = z.infer<typeof TemplateSnapshot>

/** Reads a mall's published pages and enabled plugins, in the mall's own tenant scope. */
export async function snapshotMall(db: Db, tenantId: string): Promise<TemplateSnapshot> {
  return withTenant(db, tenantId, async (tx) => {
    const pages = await tx
      .selectFrom('core__page as p')
      .innerJoin('core__page_version as v', (join) =>
        join
          .onRef('v.tenant_id', '=', 'p.tenant_id')
          .onRef('v.page_id', '=', 'p.id')
          .onRef('v.version', '=', 'p.published_version'),
      )
      .select(['p.path', 'p.kind', 'p.plugin_id', 'p.title', 'v.document'])
      .where('p.tenant_id', '=', tenantId)
      .orderBy('p.path')
      .execute()
    const plugins = await tx
      .selectFrom('core__plugin_install')
      .select(['plugin_id', 'settings'])
      .where('tenant_id', '=', tenantId)
      .where('enabled', '=', true)
      .orderBy('plugin_id')
      .execute()
    const documents = pages.map((page) => ({ page, document: migratePage(page.document) }))
    const home = documents.find((d) => d.page.path === '/')
    const mediaIds = referencedMediaIds(
      documents.map((d) => d.document),
      tenantId,
    )
    const media = mediaIds.length
      ? await tx
          .selectFrom('core__media')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', mediaIds)
          .execute()
      : []
    return {
      version: 1 as const,
      sourceTenantId: tenantId,
      media: media.map((row) => ({
        id: row.id,
        storageKey: row.storage_key,
        contentType: row.content_type,
        bytes: row.bytes,
        width: row.width,
        height: row.height,
        variants: row.variants,
        alt: row.alt,
      })),
      theme: home?.document.root.theme ?? {},
      pages: documents.map(({ page, document }) => ({
        path: page.path,
        kind: page.kind,
        pluginId: page.plugin_id,
        title: page.title,
        document: genericLinks(document),
      })),
      plugins: plugins.map((row) => ({ id: row.plugin_id, settings: row.settings })),
    }
  })
}
