import { createRoute, z } from '@hono/zod-openapi'
import type { MallContext } from '../../context.ts'
import { commonErrors, json } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { PaymentProviderRegistry } from './registry.ts'

/** A payment method a customer may choose in this mall. */
export const PaymentMethodSchema = z.object({ provider: z.string() }).openapi('PaymentMethod')

const list = createRoute({
  method: 'get',
  path: '/payment-methods',
  tags: ['store'],
  summary: 'The payment methods customers can use in this mall, in registration order',
  responses: { 200: json(z.object({ items: z.array(PaymentMethodSchema) })), ...commonErrors },
})

/**
 * The providers a customer can start a payment with here: registered, customer-facing, enabled
 * by the mall and configured well enough that starting one will not be refused.
 */
export async function customerPaymentMethods(
  ctx: MallContext,
  providers: PaymentProviderRegistry,
): Promise<{ provider: string }[]> {
  const rows = await ctx.db
    .selectFrom('core__payment_provider')
    .select(['provider', 'config'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('enabled', '=', true)
    .execute()
  const enabled = new Map(rows.map((row) => [row.provider, row.config]))
  return providers.names().flatMap((name) => {
    const provider = providers.get(name)
    const usable =
      provider.customerFacing &&
      enabled.has(name) &&
      provider.configSchema.safeParse(enabled.get(name)).success
    return usable ? [{ provider: name }] : []
  })
}

/** `GET /api/store/payment-methods`: what the checkout and pay pages offer. */
export function paymentMethodRoutes(providers: PaymentProviderRegistry) {
  return createRouter().openapi(list, async (c) => {
    const items = await c.var.inMall((ctx) => customerPaymentMethods(ctx, providers))
    return c.json({ items }, 200)
  })
}
