import type { BlockManifest } from '../../core/src/plugins/contract.ts'
import {
  createBlockRegistry,
  PAGE_SCHEMA_VERSION,
  PageDocument,
} from '../../core/src/page/index.ts'
import { coreBlockManifests } from '../../tenant-ui/src/blocks/manifests.ts'
import { RichTextProps } from '../../tenant-ui/src/blocks/rich-text/manifest.ts'
import { SpacerProps } from '../../tenant-ui/src/blocks/spacer/manifest.ts'

const label = (en: string) => ({ en, 'zh-CN': en })

/**
 * Layout blocks with slots, so tests exercise nesting (no core block has slots yet). Their props
 * schemas are borrowed from core blocks because the builder has no zod dependency of its own.
 */
const layoutBlocks: Record<string, BlockManifest> = {
  /** Two columns; the left takes only a few block types, the right any. */
  columns: {
    label: label('Columns'),
    icon: 'lucide:columns-2',
    category: 'layout',
    props: SpacerProps,
    slots: {
      left: {
        label: label('Left'),
        allow: ['core/banner', 'core/rich-text', 'core/spacer', 'layout/card', 'layout/columns'],
      },
      right: { label: label('Right') },
    },
  },
  /** A card that only lives inside columns, holding text. */
  card: {
    label: label('Card'),
    icon: 'lucide:square',
    category: 'layout',
    props: RichTextProps,
    slots: { body: { label: label('Body'), allow: ['core/rich-text', 'core/spacer'] } },
    placement: { allowIn: ['layout/columns.left', 'layout/columns.right'] },
  },
}

/** The real core blocks of the storefront plus the `layout/*` fixture blocks. */
export const testRegistry = createBlockRegistry(coreBlockManifests, [
  { id: 'layout', blocks: layoutBlocks },
])

/** A page of the current version with these blocks. */
export function page(blocks: unknown[], root: unknown = {}): PageDocument {
  return PageDocument.parse({ schemaVersion: PAGE_SCHEMA_VERSION, root, blocks })
}

/** A page with a header, a column layout holding a card, a banner and a spacer. */
export function nestedPage(): PageDocument {
  return page([
    { id: 'head', type: 'core/header', props: {} },
    {
      id: 'cols',
      type: 'layout/columns',
      props: { height: 16 },
      slots: {
        left: [
          {
            id: 'card',
            type: 'layout/card',
            props: {},
            slots: { body: [{ id: 'text', type: 'core/rich-text', props: {} }] },
          },
        ],
        right: [{ id: 'gap', type: 'core/spacer', props: { height: 8 } }],
      },
    },
    { id: 'hero', type: 'core/banner', props: { slides: [] } },
    { id: 'line', type: 'core/divider', props: {} },
  ])
}
