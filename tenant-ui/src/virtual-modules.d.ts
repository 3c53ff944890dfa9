declare module 'virtual:mallkit/plugin-blocks' {
  /**
   * The installed plugins' block modules, generated at build time (see
   * `server/plugin-blocks.ts`).
   */
  // An ambient module cannot import by relative path; a type query can.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const facets: readonly import('./blocks/plugin-blocks.ts').PluginBlocks[]
  export default facets
}

declare module '~icons/*?raw' {
  /** An icon's SVG markup (unplugin-icons' raw compiler). */
  const svg: string
  export default svg
}
