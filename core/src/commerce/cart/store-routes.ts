import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { loadSkus } from '../inventory/skus.ts'
import { mediaBase } from '../storage/media-url.ts'
import { storageFor } from '../storage/storage.ts'
import { clearGuestCart, guestCartHash, issueGuestCart } from './cart-cookie.ts'
import {
  addToCartLine,
  ensureCart,
  findCart,
  MAX_LINE_QUANTITY,
  mergeGuestCart,
  type CartOwner,
} from './cart-store.ts'
import { CartSchema, readCart } from './cart-view.ts'

const Quantity = z.number().int().min(1).max(MAX_LINE_QUANTITY)
const Params = z.object({ skuId: z.uuid() })
const responses = {
  200: json(CartSchema),
  ...commonErrors,
  409: { description: 'Not enough stock' },
}

const get = createRoute({
  method: 'get',
  path: '/cart',
  tags: ['store'],
  summary: 'The cart, re-validated and priced, with the explanation',
  responses,
})
const add = createRoute({
  method: 'post',
  path: '/cart/items',
  tags: ['store'],
  summary: 'Adds a SKU (quantities of the same SKU add up)',
  request: jsonBody(z.object({ skuId: z.uuid(), quantity: Quantity })),
  responses,
})
const setQuantity = createRoute({
  method: 'patch',
  path: '/cart/items/{skuId}',
  tags: ['store'],
  summary: 'Sets the quantity of a line',
  request: { params: Params, ...jsonBody(z.object({ quantity: Quantity })) },
  responses,
})
const remove = createRoute({
  method: 'delete',
  path: '/cart/items/{skuId}',
  tags: ['store'],
  summary: 'Removes a line',
  request: { params: Params },
  responses,
})

/**
 * The request's cart owner, merging a guest cart the signed-in customer still carries (its cookie
 * is cleared). `create` issues a guest cart cookie when there is no owner yet.
 */
function owner(c: Context, create: boolean): { owner?: CartOwner; guestToMerge?: string } {
  const tenantId = c.var.tenant.id
  const customer = c.get('customer')
  const guestHash = guestCartHash(c, tenantId)
  if (customer) {
    if (guestHash) clearGuestCart(c, tenantId)
    return { owner: { customerId: customer.id }, ...(guestHash ? { guestToMerge: guestHash } : {}) }
  }
  if (guestHash) return { owner: { guestHash } }
  return create ? { owner: { guestHash: issueGuestCart(c, tenantId) } } : {}
}

async function prepare(ctx: MallContext, who: ReturnType<typeof owner>): Promise<boolean> {
  if (!who.guestToMerge || !who.owner || !('customerId' in who.owner)) return false
  return mergeGuestCart(ctx, who.guestToMerge, who.owner.customerId)
}

const notEnoughStock = (stock: number) =>
  new MallError('conflict', `Only ${stock} in stock`, {
    errors: [{ field: 'body.quantity', message: 'more than in stock' }],
  })

async function lineQuantity(ctx: MallContext, cartId: string, skuId: string) {
  const row = await ctx.db
    .selectFrom('core__cart_line')
    .select('quantity')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('cart_id', '=', cartId)
    .where('sku_id', '=', skuId)
    .executeTakeFirst()
  return row?.quantity
}

/** `/api/store/cart`: guest carts by cookie, customer carts by session, merged on the next read. */
export function cartStoreRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  const media = (c: Context) => ({ storage, base: mediaBase(c) })
  return createRouter()
    .openapi(get, async (c) => {
      const who = owner(c, false)
      const view = await c.var.inMall(async (ctx) => {
        const merged = await prepare(ctx, who)
        return readCart(
          ctx,
          services.plugins,
          who.owner && (await findCart(ctx, who.owner)),
          media(c),
          merged,
        )
      })
      return c.json(view, 200)
    })
    .openapi(add, async (c) => {
      const { skuId, quantity } = c.req.valid('json')
      const who = owner(c, true)
      const view = await c.var.inMall(async (ctx) => {
        const merged = await prepare(ctx, who)
        const sku = (await loadSkus(ctx, [skuId])).get(skuId)
        if (!sku)
          throw new MallError('not_found', 'No such SKU', {
            errors: [{ field: 'body.skuId', message: 'unknown SKU' }],
          })
        if (!sku.active)
          throw new MallError('conflict', 'This item is not on sale', {
            errors: [{ field: 'body.skuId', message: 'not on sale' }],
          })
        const cartId = await ensureCart(ctx, who.owner as CartOwner)
        if (quantity > sku.stock) throw notEnoughStock(sku.stock)
        const added = await addToCartLine(ctx, cartId, { skuId, quantity, priceSeen: sku.price })
        if (added === undefined) {
          const total = quantity + ((await lineQuantity(ctx, cartId, skuId)) ?? 0)
          if (total > MAX_LINE_QUANTITY)
            throw new MallError('validation_failed', `At most ${MAX_LINE_QUANTITY} of one item`, {
              errors: [{ field: 'body.quantity', message: `the line would hold ${total}` }],
            })
          throw notEnoughStock(sku.stock)
        }
        return readCart(ctx, services.plugins, cartId, media(c), merged)
      })
      return c.json(view, 200)
    })
    .openapi(setQuantity, async (c) => {
      const { skuId } = c.req.valid('param')
      const { quantity } = c.req.valid('json')
      const who = owner(c, false)
      const view = await c.var.inMall(async (ctx) => {
        const merged = await prepare(ctx, who)
        const cartId = who.owner && (await findCart(ctx, who.owner))
        if (!cartId || (await lineQuantity(ctx, cartId, skuId)) === undefined)
          throw new MallError('not_found', 'This item is not in the cart', {
            errors: [{ field: 'path.skuId', message: 'not in the cart' }],
          })
        const sku = (await loadSkus(ctx, [skuId])).get(skuId)
        if (sku && quantity > sku.stock) throw notEnoughStock(sku.stock)
        await ctx.db
          .updateTable('core__cart_line')
          .set({ quantity })
          .where('tenant_id', '=', ctx.tenant.id)
          .where('cart_id', '=', cartId)
          .where('sku_id', '=', skuId)
          .execute()
        return readCart(ctx, services.plugins, cartId, media(c), merged)
      })
      return c.json(view, 200)
    })
    .openapi(remove, async (c) => {
      const { skuId } = c.req.valid('param')
      const who = owner(c, false)
      const view = await c.var.inMall(async (ctx) => {
        const merged = await prepare(ctx, who)
        const cartId = who.owner && (await findCart(ctx, who.owner))
        const gone =
          cartId &&
          (await ctx.db
            .deleteFrom('core__cart_line')
            .where('tenant_id', '=', ctx.tenant.id)
            .where('cart_id', '=', cartId)
            .where('sku_id', '=', skuId)
            .returning('sku_id')
            .executeTakeFirst())
        if (!gone)
          throw new MallError('not_found', 'This item is not in the cart', {
            errors: [{ field: 'path.skuId', message: 'not in the cart' }],
          })
        return readCart(ctx, services.plugins, cartId, media(c), merged)
      })
      return c.json(view, 200)
    })
}
