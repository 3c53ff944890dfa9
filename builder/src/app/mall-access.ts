import { createResource, createRoot, type Resource } from 'solid-js'
import type { PluginState } from '../../../core/src/plugins/installs.ts'
import { api, mallApi } from './api.ts'

/** What the console knows of the staff member in one mall: permissions and plugins on. */
export interface MallAccess {
  role: string
  permissions: ReadonlySet<string>
  /** Ids of the plugins on for the mall. */
  enabledPlugins: ReadonlySet<string>
  mall: { name: string; currency: string; defaultLocale: string; timezone: string }
}

async function loadAccess(slug: string): Promise<MallAccess> {
  const [me, plugins] = await Promise.all([
    api<{ role: string; permissions: string[]; mall: MallAccess['mall'] }>(mallApi(slug, '/me')),
    api<{ items: PluginState[] }>(mallApi(slug, '/plugins')),
  ])
  return {
    role: me.role,
    permissions: new Set(me.permissions),
    enabledPlugins: new Set(plugins.items.filter((p) => p.enabled).map((p) => p.id)),
    mall: me.mall,
  }
}

const cache = new Map<string, { access: Resource<MallAccess>; refetch: () => unknown }>()

/**
 * The staff member's access to the mall `slug`, loaded once per mall and shared by every screen
 * (reactive). Call `refreshMallAccess` after a change to it (a plugin turned on or off).
 */
export function mallAccess(slug: string): Resource<MallAccess> {
  let entry = cache.get(slug)
  if (!entry) {
    // Owned by its own root: it outlives the screen that first asked for it.
    entry = createRoot(() => {
      const [access, { refetch }] = createResource(() => slug, loadAccess)
      return { access, refetch }
    })
    cache.set(slug, entry)
  }
  return entry.access
}

/** Reloads the mall's access (after a plugin is toggled, or a role changed). */
export function refreshMallAccess(slug: string) {
  cache.get(slug)?.refetch()
}
