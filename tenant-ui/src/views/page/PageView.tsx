import { For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { blockComponents } from '../../blocks/components.ts'
import type { ViewProps } from '../../app/App.tsx'
import type { RenderBlock } from '../../shared/state.ts'

/** What a published page's view receives: its blocks with their loaded data. */
export interface PageViewData {
  blocks: RenderBlock[]
}

/** Blocks in order, each through its component; a type without a component renders nothing. */
export function BlockList(p: { blocks: readonly RenderBlock[] }) {
  return (
    <For each={p.blocks}>
      {(block) => (
        <Show when={blockComponents[block.type]}>
          {(component) => <Dynamic component={component()} props={block.props} data={block.data} />}
        </Show>
      )}
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
