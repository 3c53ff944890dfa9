import { z } from 'zod'
import type { MallContext } from '../context.ts'
import { fieldErrorsFromZod, MallError, validationError } from '../http/errors.ts'
import { savedSettings } from './contract.ts'
import type { PluginHost } from './host.ts'

export interface PluginState {
  id: string
  version: string
  name: { en: string; 'zh-CN': string }
  description: { en: string; 'zh-CN': string } | null
  icon: string | null
  dependsOn: string[]
  /** Whether the mall's plan lets it be enabled. */
  allowed: boolean
  enabled: boolean
  settings: Record<string, unknown>
  /**
   * The settings' JSON Schema (input side, so defaulted fields are optional): the console builds
   * the settings form from it, with each field's `title` and `description` from the zod schema's
   * `.meta()`.
   */
  settingsSchema: Record<string, unknown>
}

const settingsSchemas = new WeakMap<z.ZodType, Record<string, unknown>>()

/** A manifest's settings as JSON Schema, converted once per schema. */
function settingsSchemaOf(settings: z.ZodType): Record<string, unknown> {
  let schema = settingsSchemas.get(settings)
  if (!schema) {
    schema = z.toJSONSchema(settings, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >
    settingsSchemas.set(settings, schema)
  }
  return schema
}

async function planAllows(ctx: MallContext, pluginId: string): Promise<boolean> {
  const plan = await ctx.db
    .selectFrom('core__plan')
    .select('allowed_plugins')
    .where('id', '=', ctx.tenant.plan_id)
    .executeTakeFirst()
  const allowed = plan?.allowed_plugins ?? []
  return allowed.includes('*') || allowed.includes(pluginId)
}

/** Every installed plugin as this mall sees it: allowed by plan, on or off, its settings. */
export async function listPluginStates(ctx: MallContext, host: PluginHost): Promise<PluginState[]> {
  const installs = await ctx.db
    .selectFrom('core__plugin_install')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .execute()
  const byId = new Map(installs.map((row) => [row.plugin_id, row]))
  const states: PluginState[] = []
  for (const plugin of host.plugins) {
    const { manifest } = plugin
    const install = byId.get(manifest.id)
    states.push({
      id: manifest.id,
      version: manifest.version,
      name: manifest.name,
      description: manifest.description ?? null,
      icon: manifest.icon ?? null,
      dependsOn: Object.keys(manifest.dependsOn ?? {}),
      allowed: await planAllows(ctx, manifest.id),
      enabled: install?.enabled ?? false,
      settings: savedSettings(manifest.settings, install?.settings) as Record<string, unknown>,
      settingsSchema: settingsSchemaOf(manifest.settings),
    })
  }
  return states
}

/**
 * Turns a plugin on (with validated settings) or off for this mall. On: the plan must allow it,
 * its dependencies must be on, its settings must parse (422 naming the field, nothing saved).
 * Off: no enabled plugin may depend on it. Calls the plugin's onEnable / onDisable in the same
 * transaction, audits, and emits `plugin.enabled` / `plugin.disabled`.
 */
export async function setPluginState(
  ctx: MallContext,
  host: PluginHost,
  pluginId: string,
  change: { enabled: boolean; settings?: Record<string, unknown> | undefined },
): Promise<PluginState> {
  ctx.require('core:plugins.manage')
  const plugin = host.get(pluginId)
  if (!plugin) throw new MallError('not_found', `No plugin "${pluginId}" is installed`)
  const current = await ctx.db
    .selectFrom('core__plugin_install')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('plugin_id', '=', pluginId)
    .executeTakeFirst()

  const rawSettings = change.settings ?? current?.settings ?? {}
  const parsed = plugin.manifest.settings.safeParse(rawSettings)
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error.issues, 'settings'))
  const settings = parsed.data as Record<string, unknown>

  if (change.enabled) {
    if (!(await planAllows(ctx, pluginId)))
      throw new MallError(
        'plugin_not_allowed',
        `The plan of this mall does not include "${pluginId}"`,
      )
    for (const dependency of Object.keys(plugin.manifest.dependsOn ?? {}))
      if (!(await ctx.isEnabled(dependency)))
        throw new MallError(
          'plugin_dependency',
          `Turn on "${dependency}" first: "${pluginId}" needs it`,
        )
  } else {
    for (const other of host.plugins)
      if (
        Object.hasOwn(other.manifest.dependsOn ?? {}, pluginId) &&
        (await ctx.isEnabled(other.manifest.id))
      )
        throw new MallError(
          'plugin_dependency',
          `Turn off "${other.manifest.id}" first: it needs "${pluginId}"`,
        )
  }

  await ctx.db
    .insertInto('core__plugin_install')
    .values({
      tenant_id: ctx.tenant.id,
      plugin_id: pluginId,
      enabled: change.enabled,
      settings: JSON.stringify(settings),
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'plugin_id']).doUpdateSet({
        enabled: change.enabled,
        settings: JSON.stringify(settings),
        updated_at: ctx.now(),
      }),
    )
    .execute()

  const wasEnabled = current?.enabled ?? false
  if (change.enabled && !wasEnabled) {
    await plugin.onEnable?.(ctx, settings)
    await ctx.emit('plugin.enabled', { pluginId })
  } else if (!change.enabled && wasEnabled) {
    await plugin.onDisable?.(ctx)
    await ctx.emit('plugin.disabled', { pluginId })
  }
  await ctx.audit(change.enabled ? 'plugin.enabled' : 'plugin.disabled', `plugin:${pluginId}`, {
    settings,
  })
  const states = await listPluginStates(ctx, host)
  return states.find((state) => state.id === pluginId) as PluginState
}
