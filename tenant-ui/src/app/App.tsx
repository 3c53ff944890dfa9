import { For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { blockComponents } from '../blocks/components.ts'
import type { RenderBlock, StorefrontState } from '../shared/state.ts'
import { StorefrontContext } from './storefront-context.ts'

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

/** A storefront page: the same tree on the server and when the browser hydrates it. */
export function App(p: { state: StorefrontState }) {
  return (
    <StorefrontContext.Provider value={p.state}>
      <main class="mk-page">
        <BlockList blocks={p.state.blocks} />
      </main>
    </StorefrontContext.Provider>
  )
}
