declare module 'virtual:mallkit/plugin-blocks' {
  import type { Component } from 'solid-js'
  /**
   * The installed plugins' block components, generated at build time (see
   * `server/plugin-blocks.ts`); the shape of `PluginBlocks` in `blocks/plugin-blocks.ts`.
   */
  const facets: readonly {
    pluginId: string
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    components: Record<string, Component<any>>
  }[]
  export default facets
}

declare module '~icons/*?raw' {
  /** An icon's SVG markup (unplugin-icons' raw compiler). */
  const svg: string
  export default svg
}
