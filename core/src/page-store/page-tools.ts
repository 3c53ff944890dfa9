import { createHash, randomBytes } from 'node:crypto'
import type { MallContext } from '../context.ts'
import { MallError } from '../http/errors.ts'
import { diffPages, type PageDiff } from '../page/diff.ts'
import { emptyPage } from '../page/document.ts'
import { migratePage } from '../page/migrate.ts'
import type { BlockRegistry } from '../page/registry.ts'
import { renderableBlocks } from '../page/validate.ts'
import { enabledPluginIds } from './enabled-plugins.ts'
import { pageRow } from './pages.ts'
import './page-tables.ts'

/** How long a preview link works. */
export const PREVIEW_TTL_MS = 60 * 60_000

const actorId = (ctx: MallContext) => (ctx.actor.kind === 'staff' ? ctx.actor.id : null)
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Deletes a custom page with its versions; the home page and plugin pages stay. */
export async function deletePage(ctx: MallContext, pageId: string) {
  ctx.require('core:pages.manage')
  const row = await pageRow(ctx, pageId)
  if (row.kind !== 'custom')
    throw new MallError('conflict', `The ${row.kind} page cannot be deleted`, {
      errors: [{ field: 'path.pageId', message: `a ${row.kind} page stays` }],
    })
  await ctx.db
    .deleteFrom('core__page')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .execute()
  await ctx.audit('page.deleted', `page:${pageId}`, { path: row.path })
}

/**
 * A preview link's token for the page's draft: random, shown once, stored only as its hash, and
 * valid for `PREVIEW_TTL_MS`. Whoever holds the link sees the draft (as a shared preview does),
 * so the link is short-lived and never cached.
 */
export async function createPreview(ctx: MallContext, pageId: string) {
  ctx.require('core:pages.manage')
  const page = await pageRow(ctx, pageId)
  const token = randomBytes(24).toString('base64url')
  const expiresAt = new Date(ctx.now().getTime() + PREVIEW_TTL_MS)
  // Expired tokens of the mall are of no use to anyone: drop them while here.
  await ctx.db
    .deleteFrom('core__page_preview')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('expires_at', '<=', ctx.now())
    .execute()
  await ctx.db
    .insertInto('core__page_preview')
    .values({
      tenant_id: ctx.tenant.id,
      token_hash: hashToken(token),
      page_id: pageId,
      created_by: actorId(ctx),
      expires_at: expiresAt,
    })
    .execute()
  await ctx.audit('page.preview-link', `page:${pageId}`, { expiresAt: expiresAt.toISOString() })
  return { token, path: page.path, expiresAt }
}

/**
 * The draft a preview token shows, with only the blocks that may render for this mall (as the
 * published page would); null when the token is unknown, expired or of another mall.
 */
export async function previewDraft(ctx: MallContext, registry: BlockRegistry, token: string) {
  const found = await ctx.db
    .selectFrom('core__page_preview as v')
    .innerJoin('core__page as p', (join) =>
      join.onRef('p.tenant_id', '=', 'v.tenant_id').onRef('p.id', '=', 'v.page_id'),
    )
    .select(['p.id', 'p.path', 'p.draft', 'v.expires_at'])
    .where('v.tenant_id', '=', ctx.tenant.id)
    .where('v.token_hash', '=', hashToken(token))
    .where('v.expires_at', '>', ctx.now())
    .executeTakeFirst()
  if (!found) return null
  const draft = migratePage(found.draft)
  const enabled = await enabledPluginIds(ctx)
  const blocks = renderableBlocks(draft.blocks, registry, (id) => enabled.has(id))
  return {
    id: found.id,
    path: found.path,
    expiresAt: found.expires_at,
    document: { ...draft, blocks },
  }
}

/** What changed in `version` since `against` (by default the version before it). */
export async function versionDiff(
  ctx: MallContext,
  pageId: string,
  version: number,
  against = version - 1,
): Promise<{ version: number; against: number | null; diff: PageDiff }> {
  ctx.require('core:pages.manage')
  await pageRow(ctx, pageId)
  const rows = await ctx.db
    .selectFrom('core__page_version')
    .select(['version', 'document'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('page_id', '=', pageId)
    .where('version', 'in', [version, against])
    .execute()
  const after = rows.find((r) => r.version === version)
  if (!after)
    throw new MallError('not_found', `No version ${version} of this page`, {
      errors: [{ field: 'path.version', message: 'no such version' }],
    })
  const before = rows.find((r) => r.version === against)
  return {
    version,
    against: before ? against : null,
    diff: diffPages(
      before ? migratePage(before.document) : emptyPage(),
      migratePage(after.document),
    ),
  }
}
