import type { BlockNode } from '../../../../core/src/page/document.ts'
import type { MallContext } from '../../../../core/src/context.ts'
import type { RenderBlock } from '../../shared/state.ts'
import { loadCategoryTabs } from './category-tabs.ts'
import type { BlockLoader, LoaderEnv } from './loader.ts'
import { loadProductGrid } from './product-grid.ts'
import { loadRichText } from './rich-text.ts'

/**
 * The server data loader of each block type that needs one, and the props the browser never
 * needs once the loader has used them (rich text ships only its sanitized HTML).
 */
// Each loader types its own props; they arrive parsed by the block's schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loaders: Record<string, { load: BlockLoader<any>; serverOnlyProps?: readonly string[] }> = {
  'core/category-tabs': { load: loadCategoryTabs },
  'core/product-grid': { load: loadProductGrid },
  'core/product-list': { load: loadProductGrid },
  'core/rich-text': { load: loadRichText, serverOnlyProps: ['html'] },
}

/**
 * Runs every block's loader (in page order, in the caller's transaction) and returns the blocks
 * with their data. A block whose loader fails is left out and logged; the page still renders.
 */
export async function loadBlockData(
  ctx: MallContext,
  blocks: readonly BlockNode[],
  env: LoaderEnv,
): Promise<RenderBlock[]> {
  const out: RenderBlock[] = []
  for (const block of blocks) {
    const loader = loaders[block.type]
    let data: unknown
    if (loader) {
      try {
        data = await loader.load(ctx, block.props, env)
      } catch (err) {
        ctx.log.error({ err, block: block.id, type: block.type }, 'block data failed to load')
        continue
      }
    }
    let slots: Record<string, RenderBlock[]> | undefined
    for (const [slot, children] of Object.entries(block.slots ?? {}))
      (slots ??= {})[slot] = await loadBlockData(ctx, children, env)
    out.push({
      id: block.id,
      type: block.type,
      props: loader?.serverOnlyProps
        ? Object.fromEntries(
            Object.entries(block.props).filter(([key]) => !loader.serverOnlyProps?.includes(key)),
          )
        : block.props,
      ...(data === undefined ? {} : { data }),
      ...(slots ? { slots } : {}),
    })
  }
  return out
}
