import { permissionsOf } from '../auth/permissions.ts'
import type { Tenant } from '../db/schema.ts'
import type { TenantTx } from '../db/tenant-scope.ts'
import { createMallContext } from '../mall-context.ts'
import { publishDraft } from '../page-store/pages.ts'
import { setPluginState } from '../plugins/installs.ts'
import type { CoreServices } from '../services.ts'
import { copyTemplateMedia } from './template-media.ts'
import type { TemplateSnapshot } from './template-snapshot.ts'

/**
 * Copies a template into a new mall inside its creating transaction, which must already be in the
 * new mall's tenant scope: the template's plugins are turned on with their settings (dependencies
 * first, through the same path as the plugin centre, so `onEnable` runs), the images its pages
 * show are copied into the new mall, then each page is created with the template's document as
 * its draft and published as version 1 (validated like any publish). The agency staff member acts as a mall admin, which their grant makes them.
 */
export async function applyTemplate(
  services: CoreServices,
  tx: TenantTx,
  tenant: Tenant,
  template: { id: string; snapshot: TemplateSnapshot },
  staffId: string,
): Promise<void> {
  const ctx = createMallContext(services, tx, {
    tenant,
    actor: {
      kind: 'staff',
      id: staffId,
      role: 'admin',
      permissions: permissionsOf('admin', services.plugins.permissionDefinitions()),
      via: 'agency',
    },
  })
  const wanted = new Map(template.snapshot.plugins.map((p) => [p.id, p.settings]))
  // The host lists plugins in dependency order; one the server no longer has is left out.
  for (const plugin of services.plugins.plugins) {
    const settings = wanted.get(plugin.manifest.id)
    if (settings)
      await setPluginState(ctx, services.plugins, plugin.manifest.id, { enabled: true, settings })
  }
  const rewrite = await copyTemplateMedia(
    services,
    tx,
    template.snapshot.media,
    template.snapshot.sourceTenantId,
    tenant.id,
  )
  for (const page of template.snapshot.pages) {
    const row = await tx
      .insertInto('core__page')
      .values({
        tenant_id: tenant.id,
        path: page.path,
        kind: page.kind,
        plugin_id: page.pluginId,
        title: JSON.stringify(page.title),
        draft: JSON.stringify(rewrite(page.document)),
        draft_updated_by: staffId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await publishDraft(ctx, services.blocks, row.id, 'From a template')
  }
  await ctx.audit('mall.template-applied', `template:${template.id}`, {
    pages: template.snapshot.pages.map((p) => p.path),
    plugins: [...wanted.keys()],
  })
}
