declare module 'virtual:mallkit/plugin-console' {
  /** The installed plugins' console screens, generated at build time (`pluginFacetsPlugin`). */
  // An ambient module cannot import by relative path; a type query can.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const facets: readonly import('./sections/section.ts').PluginConsole[]
  export default facets
}
