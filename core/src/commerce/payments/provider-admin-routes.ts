import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { loadProviderRow, viewOf } from './provider-config.ts'
import { paymentProvidersOf } from './registry.ts'
import { saveProviderConfig } from './save-provider-config.ts'

const ProviderView = z
  .object({
    provider: z.string(),
    enabled: z.boolean(),
    configured: z.boolean(),
    config: z.record(z.string(), z.unknown()),
    secretsSet: z.array(z.string()),
  })
  .openapi('PaymentProviderConfig')

const ProviderParam = z.object({ provider: z.string().min(1).max(40) })

const getProvider = createRoute({
  method: 'get',
  path: '/payment-providers/{provider}',
  tags: ['admin'],
  summary: "A payment provider's settings in this mall (secrets are never returned)",
  request: { params: ProviderParam },
  responses: { 200: json(ProviderView), ...commonErrors },
})

const putProvider = createRoute({
  method: 'put',
  path: '/payment-providers/{provider}',
  tags: ['admin'],
  summary: 'Enable and configure a payment provider; omitted secrets keep their stored value',
  request: {
    params: ProviderParam,
    ...jsonBody(
      z.object({
        enabled: z.boolean().optional(),
        config: z.record(z.string().max(64), z.unknown()).optional(),
      }),
    ),
  },
  responses: { 200: json(ProviderView), ...commonErrors },
})

/** `/api/admin/payment-providers/{provider}`: a mall's payment settings (core:settings.manage). */
export function providerAdminRoutes(services: CoreServices) {
  const providers = paymentProvidersOf(services)
  return createRouter()
    .openapi(getProvider, async (c) => {
      const { provider: name } = c.req.valid('param')
      const view = await c.var.inMall(async (ctx) => {
        ctx.require('core:settings.manage')
        const provider = providers.get(name)
        return viewOf(provider, await loadProviderRow(ctx, provider.name))
      })
      return c.json(view, 200)
    })
    .openapi(putProvider, async (c) => {
      const { provider: name } = c.req.valid('param')
      const body = c.req.valid('json')
      const view = await c.var.inMall(async (ctx) => {
        ctx.require('core:settings.manage')
        return saveProviderConfig(ctx, providers.get(name), body)
      })
      return c.json(view, 200)
    })
}
