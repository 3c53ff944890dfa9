import type { MallContext } from '../context.ts'
import type { PluginServer, Segment } from './contract.ts'
import type { PluginHost } from './host.ts'

/** The segments of the plugins enabled for one mall, as `ctx.segments` offers them. */
export interface SegmentDirectory {
  /** Every segment of every enabled plugin, with the plugin defining it. */
  list(): Promise<(Segment & { pluginId: string })[]>
  /** Whether the customer is in `segment`; false when no enabled plugin defines it. */
  includes(segment: string, customerId: string): Promise<boolean>
  /** Every segment the customer is in. */
  of(customerId: string): Promise<string[]>
}

/**
 * The directory over the installed plugins' `segments` providers. A segment belongs to the plugin
 * its id is prefixed with (`membership:` → `membership`); a plugin that is off for the mall
 * answers nothing, and ids a provider returns outside its own prefix are ignored.
 */
export function segmentDirectory(
  plugins: PluginHost,
  context: () => MallContext,
): SegmentDirectory {
  const owned = (plugin: PluginServer, id: string) => id.startsWith(`${plugin.manifest.id}:`)
  const enabledProviders = async () => {
    const ctx = context()
    const found: PluginServer[] = []
    for (const plugin of plugins.plugins)
      if (plugin.segments && (await ctx.isEnabled(plugin.manifest.id))) found.push(plugin)
    return found
  }
  const of = async (plugin: PluginServer, customerId: string) =>
    ((await plugin.segments?.of(context(), customerId)) ?? []).filter((id) => owned(plugin, id))
  return {
    async list() {
      const all: (Segment & { pluginId: string })[] = []
      for (const plugin of await enabledProviders())
        for (const segment of (await plugin.segments?.list(context())) ?? [])
          if (owned(plugin, segment.id)) all.push({ ...segment, pluginId: plugin.manifest.id })
      return all
    },
    async includes(segment, customerId) {
      const owner = plugins.get(segment.slice(0, Math.max(0, segment.indexOf(':'))))
      if (!owner?.segments || !(await context().isEnabled(owner.manifest.id))) return false
      return (await of(owner, customerId)).includes(segment)
    },
    async of(customerId) {
      const all: string[] = []
      for (const plugin of await enabledProviders()) all.push(...(await of(plugin, customerId)))
      return all
    },
  }
}
