import { For } from 'solid-js'
import { blockComponents } from '../../blocks/components.ts'
import type { ViewProps } from '../../app/App.tsx'
import type { RenderBlock } from '../../shared/state.ts'

/** What a published page's view receives: its blocks with their loaded data. */
export interface PageViewData {
  blocks: RenderBlock[]
}

/**
 * Blocks in order, each through its component; a type without a component renders nothing. A
 * published page's blocks never change once loaded, so each component is looked up once, without
 * a `<Show>` and a `<Dynamic>` around every block.
 */
export function BlockList(p: { blocks: readonly RenderBlock[] }) {
  return (
    <For each={p.blocks}>
      {(block) => {
        const Block = blockComponents[block.type]
        return Block ? <Block props={block.props} data={block.data} /> : null
      }}
    </For>
  )
}

/** A published page (home, custom pages): its blocks. */
export default function PageView(p: ViewProps<PageViewData>) {
  return (
    <main class="mk-page">
      <BlockList blocks={p.data.blocks} />
    </main>
  )
}
