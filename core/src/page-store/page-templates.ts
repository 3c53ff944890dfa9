import type { MallContext } from '../context.ts'
import { MallError } from '../http/errors.ts'
import { migratePage } from '../page/migrate.ts'
import { loadPage } from './pages.ts'
import './page-tables.ts'

const actorId = (ctx: MallContext) => (ctx.actor.kind === 'staff' ? ctx.actor.id : null)

/** A saved page template, as the page manager lists them. */
export interface PageTemplateSummary {
  id: string
  name: string
  title: Record<string, string>
  blockCount: number
  createdAt: string
}

/** Saves the page's current draft as a template new pages can start from. */
export async function saveTemplate(
  ctx: MallContext,
  pageId: string,
  name: string,
): Promise<PageTemplateSummary> {
  ctx.require('core:pages.manage')
  const page = await loadPage(ctx, pageId)
  const row = await ctx.db
    .insertInto('core__page_template')
    .values({
      tenant_id: ctx.tenant.id,
      name,
      title: JSON.stringify(page.title),
      document: JSON.stringify(page.draft),
      created_by: actorId(ctx),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst()
  if (!row)
    throw new MallError('conflict', `A template is already called ${name}`, {
      errors: [{ field: 'body.name', message: 'taken' }],
    })
  await ctx.audit('page-template.saved', `page-template:${row.id}`, { pageId, name })
  return {
    id: row.id,
    name,
    title: page.title,
    blockCount: page.draft.blocks.length,
    createdAt: row.created_at.toISOString(),
  }
}

/** The mall's page templates, newest first. */
export async function listTemplates(ctx: MallContext): Promise<PageTemplateSummary[]> {
  ctx.require('core:pages.manage')
  const rows = await ctx.db
    .selectFrom('core__page_template')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    title: row.title,
    blockCount: migratePage(row.document).blocks.length,
    createdAt: row.created_at.toISOString(),
  }))
}

/** A template's document (upgraded to the current schema), for a new page to start from. */
export async function templateDocument(ctx: MallContext, templateId: string) {
  const row = await ctx.db
    .selectFrom('core__page_template')
    .select('document')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', templateId)
    .executeTakeFirst()
  if (!row)
    throw new MallError('validation_failed', 'No such template', {
      errors: [{ field: 'body.templateId', message: 'no such template' }],
    })
  return migratePage(row.document)
}

/** Deletes a template; pages made from it keep their content. */
export async function deleteTemplate(ctx: MallContext, templateId: string) {
  ctx.require('core:pages.manage')
  const deleted = await ctx.db
    .deleteFrom('core__page_template')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', templateId)
    .executeTakeFirst()
  if (!deleted.numDeletedRows) throw new MallError('not_found', 'No such template')
  await ctx.audit('page-template.deleted', `page-template:${templateId}`)
}
