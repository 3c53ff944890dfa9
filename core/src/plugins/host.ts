import semver from 'semver'
import { corePermissions, type PermissionDefinition } from '../auth/permissions.ts'
import type { MigrationSet } from '../db/migrator.ts'
import type { HookDefinition, JobDefinition, PluginServer } from './contract.ts'

/** A hook with the id its deliveries are deduplicated by (`<owner>:<name>`). */
export interface RegisteredHook {
  id: string
  pluginId: string | null
  definition: HookDefinition<any>
}

export interface RegisteredJob {
  kind: string
  pluginId: string | null
  definition: JobDefinition
}

/** Raised at boot when the installed plugins cannot run together; the message says why. */
export class PluginBootError extends Error {
  override name = 'PluginBootError'
}

/**
 * The installed plugins, checked and ordered at boot: ids unique, core version compatible,
 * dependencies present in compatible versions and acyclic. Plugins come out in dependency order,
 * which is the order their migrations and hooks run in.
 */
export class PluginHost {
  readonly coreVersion: string
  readonly plugins: readonly PluginServer[]
  readonly #byId: Map<string, PluginServer>
  readonly #coreHooks: RegisteredHook[] = []
  readonly #coreJobs = new Map<string, RegisteredJob>()

  constructor(plugins: readonly PluginServer[], coreVersion: string) {
    this.coreVersion = coreVersion
    this.#byId = new Map()
    for (const plugin of plugins) {
      const id = plugin.manifest.id
      if (this.#byId.has(id)) throw new PluginBootError(`Plugin id "${id}" is installed twice`)
      this.#byId.set(id, plugin)
    }
    for (const plugin of plugins) this.#checkCompatibility(plugin)
    this.plugins = this.#order()
  }

  get(id: string): PluginServer | undefined {
    return this.#byId.get(id)
  }

  /** Core modules register their own hooks and jobs through the same machinery as plugins. */
  registerCoreHook(definition: HookDefinition<any>): void {
    this.#coreHooks.push({ id: `core:${definition.name}`, pluginId: null, definition })
  }

  registerCoreJob(name: string, definition: JobDefinition): void {
    this.#coreJobs.set(`core:${name}`, { kind: `core:${name}`, pluginId: null, definition })
  }

  /** Migration sets of the plugins in dependency order (the core's set goes first, separately). */
  migrationSets(): MigrationSet[] {
    return this.plugins
      .filter((plugin) => plugin.migrations)
      .map((plugin) => ({ owner: plugin.manifest.id, migrations: plugin.migrations ?? {} }))
  }

  /** Core permissions and every plugin's, by full name (`<id>:<resource>.<action>`). */
  permissionDefinitions(): Record<string, PermissionDefinition> {
    const all: Record<string, PermissionDefinition> = { ...corePermissions }
    for (const plugin of this.plugins)
      for (const [name, def] of Object.entries(plugin.manifest.permissions ?? {}))
        all[`${plugin.manifest.id}:${name}`] = def
    return all
  }

  /** Hooks on `event`: the core's first, then plugins' in dependency order. */
  hooksFor(event: string): RegisteredHook[] {
    const pluginHooks = this.plugins.flatMap((plugin) =>
      (plugin.hooks ?? []).map((definition) => ({
        id: `${plugin.manifest.id}:${definition.name}`,
        pluginId: plugin.manifest.id,
        definition,
      })),
    )
    return [...this.#coreHooks, ...pluginHooks].filter((hook) => hook.definition.event === event)
  }

  hook(id: string): RegisteredHook | undefined {
    const [owner] = id.split(':')
    const candidates = owner === 'core' ? this.#coreHooks : []
    const found = candidates.find((hook) => hook.id === id)
    if (found) return found
    const plugin = owner ? this.#byId.get(owner) : undefined
    const definition = plugin?.hooks?.find((h) => `${plugin.manifest.id}:${h.name}` === id)
    return plugin && definition ? { id, pluginId: plugin.manifest.id, definition } : undefined
  }

  /** Every job kind: `core:<name>` and `<plugin id>:<name>`. */
  jobs(): RegisteredJob[] {
    const pluginJobs = this.plugins.flatMap((plugin) =>
      Object.entries(plugin.jobs ?? {}).map(([name, definition]) => ({
        kind: `${plugin.manifest.id}:${name}`,
        pluginId: plugin.manifest.id,
        definition,
      })),
    )
    return [...this.#coreJobs.values(), ...pluginJobs]
  }

  /** The job kind `kind` (`core:<name>` or `<plugin id>:<name>`), if one is registered. */
  job(kind: string): RegisteredJob | undefined {
    return this.jobs().find((job) => job.kind === kind)
  }

  #checkCompatibility(plugin: PluginServer): void {
    const { id, compatibility, dependsOn = {} } = plugin.manifest
    if (!semver.satisfies(this.coreVersion, compatibility, { includePrerelease: true }))
      throw new PluginBootError(
        `Plugin "${id}" needs @mallkit/core ${compatibility}, but this is ${this.coreVersion}`,
      )
    for (const [dependency, range] of Object.entries(dependsOn)) {
      const found = this.#byId.get(dependency)
      if (!found)
        throw new PluginBootError(
          `Plugin "${id}" depends on "${dependency}", which is not installed`,
        )
      if (!semver.satisfies(found.manifest.version, range, { includePrerelease: true }))
        throw new PluginBootError(
          `Plugin "${id}" needs "${dependency}" ${range}, but ${found.manifest.version} is installed`,
        )
    }
  }

  /** Topological order (dependencies first), stable by installation order; refuses cycles. */
  #order(): PluginServer[] {
    const ordered: PluginServer[] = []
    const state = new Map<string, 'visiting' | 'done'>()
    const visit = (plugin: PluginServer, path: string[]) => {
      const id = plugin.manifest.id
      if (state.get(id) === 'done') return
      if (state.get(id) === 'visiting')
        throw new PluginBootError(`Plugin dependency cycle: ${[...path, id].join(' → ')}`)
      state.set(id, 'visiting')
      for (const dependency of Object.keys(plugin.manifest.dependsOn ?? {}))
        visit(this.#byId.get(dependency) as PluginServer, [...path, id])
      state.set(id, 'done')
      ordered.push(plugin)
    }
    for (const plugin of this.#byId.values()) visit(plugin, [])
    return ordered
  }
}
