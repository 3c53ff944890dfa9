declare module 'virtual:mallkit/plugin-console' {
  import type { PluginConsole } from './sections/section.ts'
  /** The installed plugins' console screens, generated at build time (`pluginFacetsPlugin`). */
  const facets: readonly PluginConsole[]
  export default facets
}
