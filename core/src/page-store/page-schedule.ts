import { z } from 'zod'
import type { MallContext } from '../context.ts'
import { MallError } from '../http/errors.ts'
import type { BlockRegistry } from '../page/registry.ts'
import type { PluginHost } from '../plugins/host.ts'
import { loadPage, pageRow, publishDocument } from './pages.ts'
import './page-tables.ts'

/** The job that publishes a page's draft at its scheduled time. */
export const PAGE_PUBLISH_JOB = 'core:page-publish'

const Payload = z.object({ pageId: z.uuid(), at: z.iso.datetime() })

const actorId = (ctx: MallContext) => (ctx.actor.kind === 'staff' ? ctx.actor.id : null)

/**
 * Schedules the page's draft to be published at `at` (in the future), replacing any earlier
 * schedule. The draft is taken as it is when the time comes, so edits until then are included.
 */
export async function schedulePublish(ctx: MallContext, pageId: string, at: Date) {
  ctx.require('core:pages.manage')
  await pageRow(ctx, pageId)
  if (at.getTime() <= ctx.now().getTime())
    throw new MallError('validation_failed', 'The publish time has passed', {
      errors: [{ field: 'body.at', message: 'choose a time in the future' }],
    })
  await ctx.db
    .updateTable('core__page')
    .set({ publish_at: at, publish_scheduled_by: actorId(ctx) })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .execute()
  const iso = at.toISOString()
  await ctx.enqueue(
    PAGE_PUBLISH_JOB,
    { pageId, at: iso },
    { runAt: at, dedupKey: `${PAGE_PUBLISH_JOB}:${pageId}:${iso}` },
  )
  await ctx.audit('page.publish-scheduled', `page:${pageId}`, { at: iso })
}

/** Cancels the page's scheduled publish; the queued job then finds nothing to do. */
export async function cancelSchedule(ctx: MallContext, pageId: string) {
  ctx.require('core:pages.manage')
  await pageRow(ctx, pageId)
  await ctx.db
    .updateTable('core__page')
    .set({ publish_at: null, publish_scheduled_by: null })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .execute()
  await ctx.audit('page.publish-unscheduled', `page:${pageId}`)
}

/**
 * Runs a scheduled publish: only if the page still has this schedule (not cancelled or moved).
 * The schedule is cleared either way; a draft with invalid blocks is not published and the
 * refusal is kept in the audit log rather than retried (retrying cannot fix the draft).
 */
export async function runScheduledPublish(
  ctx: MallContext,
  registry: BlockRegistry,
  payload: unknown,
) {
  const { pageId, at } = Payload.parse(payload)
  const page = await ctx.db
    .selectFrom('core__page')
    .select(['publish_at', 'publish_scheduled_by'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .forUpdate()
    .executeTakeFirst()
  if (!page?.publish_at || page.publish_at.toISOString() !== at) return
  await ctx.db
    .updateTable('core__page')
    .set({ publish_at: null, publish_scheduled_by: null })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', pageId)
    .execute()
  const { draft } = await loadPage(ctx, pageId)
  try {
    const version = await publishDocument(ctx, registry, pageId, draft, 'Scheduled publish')
    // Published on behalf of whoever scheduled it: the history says who.
    await ctx.db
      .updateTable('core__page_version')
      .set({ published_by: page.publish_scheduled_by })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('page_id', '=', pageId)
      .where('version', '=', version)
      .execute()
    await ctx.audit('page.published', `page:${pageId}`, { version, scheduledAt: at })
  } catch (error) {
    if (!(error instanceof MallError) || error.code !== 'validation_failed') throw error
    await ctx.audit('page.scheduled-publish-refused', `page:${pageId}`, {
      scheduledAt: at,
      problems: error.message,
    })
  }
}

/** Registers the scheduled-publish job with the job runner. */
export function registerPagePublishJob(plugins: PluginHost, registry: BlockRegistry) {
  plugins.registerCoreJob(PAGE_PUBLISH_JOB.slice('core:'.length), {
    handle: (ctx, payload) => runScheduledPublish(ctx, registry, payload),
  })
}
