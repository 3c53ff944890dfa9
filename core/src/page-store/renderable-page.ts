import type { MallContext } from '../context.ts'
import type { BlockRegistry } from '../page/registry.ts'
import { renderableBlocks } from '../page/validate.ts'
import { enabledPluginIds } from './enabled-plugins.ts'
import { publishedPageAt } from './pages.ts'

/** The paths a page may live at (as the page store accepts them). */
export const PAGE_PATH = /^\/([a-z0-9][a-z0-9/-]{0,120})?$/

/**
 * The published page at `path` with only the blocks that may render for this mall: unknown
 * types, blocks of plugins that are off and blocks whose props no longer parse are left out and
 * logged, so one block never breaks a page. Null when nothing is published there.
 */
export async function renderablePageAt(ctx: MallContext, registry: BlockRegistry, path: string) {
  const published = await publishedPageAt(ctx, path)
  if (!published) return null
  const enabled = await enabledPluginIds(ctx)
  const blocks = renderableBlocks(
    published.document.blocks,
    registry,
    (pluginId) => enabled.has(pluginId),
    (block, reason) =>
      ctx.log.warn({ block: block.id, type: block.type, reason, page: path }, 'block skipped'),
  )
  return { ...published, document: { ...published.document, blocks } }
}
