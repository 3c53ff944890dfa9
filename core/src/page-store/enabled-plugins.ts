import type { MallContext } from '../context.ts'

/** The ids of the plugins turned on for this mall: only their blocks render or may be placed. */
export async function enabledPluginIds(ctx: MallContext): Promise<Set<string>> {
  const installs = await ctx.db
    .selectFrom('core__plugin_install')
    .select('plugin_id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('enabled', '=', true)
    .execute()
  return new Set(installs.map((row) => row.plugin_id))
}
