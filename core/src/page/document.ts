import { z } from 'zod'

/** The page document version this code writes; older documents are upgraded by `migratePage`. */
export const PAGE_SCHEMA_VERSION = 1

const Localized = z.object({
  'zh-CN': z.string().max(500).optional(),
  en: z.string().max(500).optional(),
})

/** One block on a page: its type (`core/banner`, `lucky-wheel/wheel`), props and named slots. */
export interface BlockNode {
  id: string
  type: string
  props: Record<string, unknown>
  slots?: Record<string, BlockNode[]> | undefined
}

export const BlockNode: z.ZodType<BlockNode> = z
  .lazy(
    () =>
      z.object({
        id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and -'),
        type: z
          .string()
          .regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/, 'like core/banner or lucky-wheel/wheel'),
        props: z.record(z.string(), z.unknown()),
        slots: z.record(z.string(), z.array(BlockNode)).optional(),
      }),
    // A named schema, so OpenAPI generators emit a $ref for the recursion instead of looping.
  )
  .meta({ id: 'BlockNode' })

/** The per-page theme: CSS variables the storefront sets (falls back to the mall's theme). */
export const PageTheme = z.object({
  primary: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #e4393c')
    .optional(),
  radius: z.number().int().min(0).max(24).optional(),
  fontScale: z.number().min(0.8).max(1.4).optional(),
})

/** The root props of a page: title, SEO, theme. */
export const PageRoot = z.object({
  title: Localized.default({}),
  seo: z
    .object({ description: Localized.default({}), ogImage: z.string().max(500).optional() })
    .default({ description: {} }),
  theme: PageTheme.default({}),
})

/** A page: plain JSON with a version, root props and an ordered tree of blocks. */
export const PageDocument = z.object({
  schemaVersion: z.literal(PAGE_SCHEMA_VERSION),
  root: PageRoot,
  blocks: z.array(BlockNode).max(200),
})
export type PageDocument = z.infer<typeof PageDocument>

/** An empty page of the current version. */
export function emptyPage(): PageDocument {
  return PageDocument.parse({ schemaVersion: PAGE_SCHEMA_VERSION, root: {}, blocks: [] })
}

/** Every block of the page, depth first, with the path of its node in the document. */
export function* walkBlocks(
  blocks: readonly BlockNode[],
  path = 'blocks',
  parent: { block: BlockNode; slot: string } | null = null,
): Generator<{
  block: BlockNode
  path: string
  parent: { block: BlockNode; slot: string } | null
}> {
  for (const [index, block] of blocks.entries()) {
    const here = `${path}.${index}`
    yield { block, path: here, parent }
    for (const [slot, children] of Object.entries(block.slots ?? {}))
      yield* walkBlocks(children, `${here}.slots.${slot}`, { block, slot })
  }
}
