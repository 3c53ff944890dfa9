import { createRoute, z } from '@hono/zod-openapi'
import { CustomerSchema, toCustomer } from '../admin/customer-routes.ts'
import { guestCartHash } from '../commerce/cart/cart-cookie.ts'
import { cartQuantity } from '../commerce/cart/cart-store.ts'
import { json } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'

const Session = z
  .object({
    /** The logged-in customer, or null for a guest. */
    customer: CustomerSchema.nullable(),
    /** Items in the cart (sum of quantities), for the cart badge. */
    cartQuantity: z.number().int(),
  })
  .openapi('StoreSession')

const session = createRoute({
  method: 'get',
  path: '/session',
  tags: ['store'],
  summary:
    "Who is shopping and how full the cart is: the storefront's personal parts, guests included",
  responses: { 200: json(Session) },
})

/**
 * `/api/store/session`: what the storefront fills in after hydration (the cached HTML never holds
 * it). Answers 200 for guests too, so a guest's page logs no failed request.
 */
export function storeSessionRoutes() {
  return createRouter().openapi(session, async (c) => {
    const customer = c.get('customer')
    const guestHash = guestCartHash(c, c.var.tenant.id)
    const result = await c.var.inMall(async (ctx) => {
      const row = customer
        ? await ctx.db
            .selectFrom('core__customer')
            .selectAll()
            .where('tenant_id', '=', ctx.tenant.id)
            .where('id', '=', customer.id)
            .executeTakeFirst()
        : undefined
      const owner = customer ? { customerId: customer.id } : guestHash ? { guestHash } : undefined
      return {
        customer: row ? toCustomer(row) : null,
        cartQuantity: owner ? await cartQuantity(ctx, owner) : 0,
      }
    })
    return c.json(result, 200)
  })
}
