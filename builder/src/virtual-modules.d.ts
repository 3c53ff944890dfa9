declare module 'virtual:mallkit/plugin-console' {
  /** The installed plugins' console screens, generated at build time (`pluginFacetsPlugin`). */
  const facets: readonly import('./sections/section.ts').PluginConsole[]
  export default facets
}
