import { createRoute, z } from '@hono/zod-openapi'
import { corePermissions, staffRoles } from '../auth/permissions.ts'
import { commonErrors, json } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { CoreServices } from '../services.ts'

const Role = z.enum(staffRoles)
const Localized = z.object({ en: z.string(), 'zh-CN': z.string() })

const Permission = z
  .object({
    /** `core:orders.manage`, `coupons:coupons.manage`. */
    name: z.string(),
    label: z.string(),
    /** The plugin that declares it; null for the core's. */
    plugin: z.object({ id: z.string(), name: Localized }).nullable(),
    /** The roles that hold it. */
    roles: z.array(Role),
  })
  .openapi('PermissionDefinition')

const list = createRoute({
  method: 'get',
  path: '/permissions',
  tags: ['admin'],
  summary:
    "Every permission (the core's, then each installed plugin's) with its label and the roles holding it",
  responses: {
    200: json(z.object({ roles: z.array(Role), items: z.array(Permission) })),
    ...commonErrors,
  },
})

/** `/api/admin/permissions`: the permission matrix of the staff screen (rows × fixed roles). */
export function permissionRoutes(services: CoreServices) {
  return createRouter().openapi(list, async (c) => {
    await c.var.inMall(async (ctx) => ctx.require('core:staff.manage'))
    const core = Object.entries(corePermissions).map(([name, def]) => ({
      name,
      label: def.label,
      plugin: null,
      roles: [...def.roles],
    }))
    const plugins = services.plugins.plugins.flatMap((plugin) =>
      Object.entries(plugin.manifest.permissions ?? {}).map(([local, def]) => ({
        name: `${plugin.manifest.id}:${local}`,
        label: def.label,
        plugin: { id: plugin.manifest.id, name: plugin.manifest.name },
        roles: [...def.roles],
      })),
    )
    return c.json({ roles: [...staffRoles], items: [...core, ...plugins] }, 200)
  })
}
