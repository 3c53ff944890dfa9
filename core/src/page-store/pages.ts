import type { MallContext } from '../context.ts'
import './page-tables.ts'
import { MallError } from '../http/errors.ts'
import { emptyPage, type PageDocument } from '../page/document.ts'
import { migratePage } from '../page/migrate.ts'
import type { BlockRegistry } from '../page/registry.ts'
import { validatePage } from '../page/validate.ts'

declare module '../events/events.ts' {
  interface MallEvents {
    /** A page's published version changed (publish or rollback): caches of it are stale. */
    'page.published': { pageId: string; path: string; version: number }
  }
}

export interface PageSummary {
  id: string
  path: string
  kind: 'home' | 'custom' | 'plugin'
  title: Record<string, string>
  publishedVersion: number | null
  draftUpdatedAt: string
  /** When a job publishes the draft, if a publish is scheduled. */
  publishAt: string | null
}

const actorId = (ctx: MallContext) => (ctx.actor.kind === 'staff' ? ctx.actor.id : null)

export async function pageRow(ctx: MallContext, pageId: string) {
  const row = await ctx.db
    .selectFrom('core__page')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .executeTakeFirst()
  if (!row) throw new MallError('not_found', 'No such page')
  return row
}

export function toSummary(row: Awaited<ReturnType<typeof pageRow>>): PageSummary {
  return {
    id: row.id,
    path: row.path,
    kind: row.kind,
    title: row.title,
    publishedVersion: row.published_version,
    draftUpdatedAt: row.draft_updated_at.toISOString(),
    publishAt: row.publish_at?.toISOString() ?? null,
  }
}

/** Creates a page at `path` with an empty draft (or `draft`); the home page is `/`. */
export async function createPage(
  ctx: MallContext,
  input: {
    path: string
    title: Record<string, string>
    kind: 'home' | 'custom'
    draft?: PageDocument
  },
): Promise<PageSummary> {
  ctx.require('core:pages.manage')
  const row = await ctx.db
    .insertInto('core__page')
    .values({
      tenant_id: ctx.tenant.id,
      path: input.path,
      kind: input.kind,
      title: JSON.stringify(input.title),
      draft: JSON.stringify(input.draft ?? emptyPage()),
      draft_updated_by: actorId(ctx),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'path']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row)
    throw new MallError('conflict', `A page already lives at ${input.path}`, {
      errors: [{ field: 'body.path', message: 'taken' }],
    })
  await ctx.audit('page.created', `page:${row.id}`, { path: input.path })
  return toSummary(row)
}

/** Saves the draft (autosave): it must be a well-formed document; block props are checked on publish. */
export async function saveDraft(ctx: MallContext, pageId: string, draft: PageDocument) {
  ctx.require('core:pages.manage')
  await pageRow(ctx, pageId)
  await ctx.db
    .updateTable('core__page')
    .set({
      draft: JSON.stringify(draft),
      draft_updated_at: ctx.now(),
      draft_updated_by: actorId(ctx),
    })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .execute()
}

/** The draft (upgraded to the current schema) and the published version number. */
export async function loadPage(ctx: MallContext, pageId: string) {
  const row = await pageRow(ctx, pageId)
  return { ...toSummary(row), draft: migratePage(row.draft) }
}

/**
 * Publishes `document` as the page's next version. Refuses (422) while any block is invalid,
 * naming each block and field, so a broken page never reaches customers.
 */
export async function publishDocument(
  ctx: MallContext,
  registry: BlockRegistry,
  pageId: string,
  document: PageDocument,
  note: string,
): Promise<number> {
  const page = await ctx.db
    .selectFrom('core__page')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .forUpdate()
    .executeTakeFirst()
  if (!page) throw new MallError('not_found', 'No such page')
  const check = validatePage(document, registry)
  if (check.problems.length)
    throw new MallError(
      'validation_failed',
      `Fix ${check.problems.length} block problem(s) before publishing: ${check.problems
        .map((p) => `${p.type} ${p.blockId}: ${p.message}`)
        .join('; ')}`,
      {
        errors: check.problems.map((p) => ({
          field: `document.${p.field}`,
          message: `${p.blockId} (${p.type}): ${p.message}`,
        })),
      },
    )
  const version = (page.published_version ?? 0) + 1
  await ctx.db
    .insertInto('core__page_version')
    .values({
      tenant_id: ctx.tenant.id,
      page_id: pageId,
      version,
      document: JSON.stringify(check.page),
      note,
      published_by: actorId(ctx),
    })
    .execute()
  await ctx.db
    .updateTable('core__page')
    .set({ published_version: version })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .execute()
  await ctx.emit('page.published', { pageId, path: page.path, version })
  return version
}

/** Publishes the current draft as a new version. */
export async function publishDraft(
  ctx: MallContext,
  registry: BlockRegistry,
  pageId: string,
  note = '',
) {
  ctx.require('core:pages.manage')
  const { draft } = await loadPage(ctx, pageId)
  const version = await publishDocument(ctx, registry, pageId, draft, note)
  await ctx.audit('page.published', `page:${pageId}`, { version, note })
  return version
}

/** Republishes an earlier version as the newest one; history is never rewritten. */
export async function rollbackPage(
  ctx: MallContext,
  registry: BlockRegistry,
  pageId: string,
  toVersion: number,
) {
  ctx.require('core:pages.manage')
  const old = await ctx.db
    .selectFrom('core__page_version')
    .select('document')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('page_id', '=', pageId)
    .where('version', '=', toVersion)
    .executeTakeFirst()
  if (!old)
    throw new MallError('not_found', `No version ${toVersion} of this page`, {
      errors: [{ field: 'body.version', message: 'no such version' }],
    })
  const document = migratePage(old.document)
  const version = await publishDocument(
    ctx,
    registry,
    pageId,
    document,
    `Rollback to version ${toVersion}`,
  )
  await ctx.db
    .updateTable('core__page')
    .set({
      draft: JSON.stringify(document),
      draft_updated_at: ctx.now(),
      draft_updated_by: actorId(ctx),
    })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .execute()
  await ctx.audit('page.rolled-back', `page:${pageId}`, { toVersion, version })
  return version
}

/** The published document at `path`, upgraded to the current schema; null when unpublished. */
export async function publishedPageAt(ctx: MallContext, path: string) {
  const row = await ctx.db
    .selectFrom('core__page as p')
    .innerJoin('core__page_version as v', (join) =>
      join
        .onRef('v.tenant_id', '=', 'p.tenant_id')
        .onRef('v.page_id', '=', 'p.id')
        .onRef('v.version', '=', 'p.published_version'),
    )
    .select(['p.id', 'p.path', 'v.version', 'v.document'])
    .where('p.tenant_id', '=', ctx.tenant.id)
    .where('p.path', '=', path)
    .executeTakeFirst()
  return row
    ? { id: row.id, path: row.path, version: row.version, document: migratePage(row.document) }
    : null
}
