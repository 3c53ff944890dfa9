import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, json, jsonBody } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { CoreServices } from '../services.ts'
import { Locale, Timezone } from '../tenancy/tenants.ts'

const Settings = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    status: z.string(),
    planId: z.string(),
    defaultLocale: z.string(),
    currency: z.string(),
    timezone: z.string(),
  })
  .openapi('MallSettings')

const AdminMe = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
    role: z.string(),
    via: z.enum(['member', 'agency']),
    permissions: z.array(z.string()),
    mall: Settings,
  })
  .openapi('AdminMe')

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['admin'],
  summary: 'The staff member in this mall: role and permissions',
  responses: { 200: json(AdminMe), ...commonErrors },
})

const getSettings = createRoute({
  method: 'get',
  path: '/settings',
  tags: ['admin'],
  summary: "The mall's settings",
  responses: { 200: json(Settings), ...commonErrors },
})

const patchSettings = createRoute({
  method: 'patch',
  path: '/settings',
  tags: ['admin'],
  summary: "Change the mall's name, default locale or timezone",
  request: jsonBody(
    z.object({
      name: z.string().trim().min(1).max(100).optional(),
      defaultLocale: Locale.optional(),
      timezone: Timezone.optional(),
    }),
  ),
  responses: { 200: json(Settings), ...commonErrors },
})

function settingsOf(t: {
  id: string
  slug: string
  name: string
  status: string
  plan_id: string
  default_locale: string
  currency: string
  timezone: string
}) {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    status: t.status,
    planId: t.plan_id,
    defaultLocale: t.default_locale,
    currency: t.currency,
    timezone: t.timezone,
  }
}

/** `/api/admin/me` and `/api/admin/settings`. */
export function mallRoutes(_services: CoreServices) {
  return createRouter()
    .openapi(me, (c) => {
      const actor = c.var.actor
      if (actor.kind !== 'staff') throw new Error('staff guard missing')
      return c.json(
        {
          user: c.var.staff,
          role: actor.role,
          via: actor.via,
          permissions: [...actor.permissions].sort(),
          mall: settingsOf(c.var.tenant),
        },
        200,
      )
    })
    .openapi(getSettings, (c) => c.json(settingsOf(c.var.tenant), 200))
    .openapi(patchSettings, async (c) => {
      const body = c.req.valid('json')
      const tenant = await c.var.inMall(async (ctx) => {
        ctx.require('core:settings.manage')
        // core__tenant is platform data: the WHERE on the mall's own id is the only wall here.
        const updated = await ctx.db
          .updateTable('core__tenant')
          .set({
            ...(body.name ? { name: body.name } : {}),
            ...(body.defaultLocale ? { default_locale: body.defaultLocale } : {}),
            ...(body.timezone ? { timezone: body.timezone } : {}),
            updated_at: ctx.now(),
          })
          .where('id', '=', ctx.tenant.id)
          .returningAll()
          .executeTakeFirstOrThrow()
        await ctx.audit('mall.settings-changed', `tenant:${ctx.tenant.id}`, body)
        return updated
      })
      return c.json(settingsOf(tenant), 200)
    })
}
