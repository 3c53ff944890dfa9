import { sql } from 'kysely'
import type { MallContext } from '../../context.ts'

/** Whose cart: a signed-in customer's, or a guest's known by the hash of its cookie token. */
export type CartOwner = { customerId: string } | { guestHash: string }

/** The most of one SKU a cart line (and an order line) may hold. */
export const MAX_LINE_QUANTITY = 999

/** The owner's cart id, or undefined when it has none yet. */
export async function findCart(ctx: MallContext, owner: CartOwner): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('core__cart')
    .select('id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where(ownedBy(owner))
    .executeTakeFirst()
  return row?.id
}

/** The `core__cart` condition selecting `owner`'s cart. */
function ownedBy(owner: CartOwner) {
  return 'customerId' in owner
    ? sql<boolean>`customer_id = ${owner.customerId}`
    : sql<boolean>`guest_token_hash = ${owner.guestHash}`
}

/** The SKUs and quantities in a customer's cart, in the order they were added (one query). */
export function customerCartItems(
  ctx: MallContext,
  customerId: string,
): Promise<{ skuId: string; quantity: number }[]> {
  return ctx.db
    .selectFrom('core__cart_line as l')
    .innerJoin('core__cart as c', (j) =>
      j.onRef('c.tenant_id', '=', 'l.tenant_id').onRef('c.id', '=', 'l.cart_id'),
    )
    .select(['l.sku_id as skuId', 'l.quantity'])
    .where('c.tenant_id', '=', ctx.tenant.id)
    .where('c.customer_id', '=', customerId)
    .orderBy('l.added_at')
    .orderBy('l.sku_id')
    .execute()
}

/** How many items (sum of quantities) the owner's cart holds; 0 without a cart (one query). */
export async function cartQuantity(ctx: MallContext, owner: CartOwner): Promise<number> {
  const row = await ctx.db
    .selectFrom('core__cart_line')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('quantity'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('cart_id', '=', (eb) =>
      eb
        .selectFrom('core__cart')
        .select('id')
        .where('tenant_id', '=', ctx.tenant.id)
        .where(ownedBy(owner)),
    )
    .executeTakeFirstOrThrow()
  return Number(row.quantity)
}

/** The owner's cart, created on first use (concurrent first uses end in one cart). */
export async function ensureCart(ctx: MallContext, owner: CartOwner): Promise<string> {
  const found = await findCart(ctx, owner)
  if (found) return found
  const values =
    'customerId' in owner
      ? { customer_id: owner.customerId }
      : { guest_token_hash: owner.guestHash }
  await ctx.db
    .insertInto('core__cart')
    .values({ tenant_id: ctx.tenant.id, ...values })
    .onConflict((oc) => oc.doNothing())
    .execute()
  return (await findCart(ctx, owner)) as string
}

/**
 * Adds `quantity` of a SKU to a cart line in one statement, so concurrent adds of the same SKU all
 * count. Returns the line's new quantity, or undefined (nothing written) when the existing line
 * plus `quantity` would exceed 999 or the SKU's stock; the caller checks a new line against stock.
 */
export async function addToCartLine(
  ctx: MallContext,
  cartId: string,
  line: { skuId: string; quantity: number; priceSeen: number },
): Promise<number | undefined> {
  const stock = ctx.db
    .selectFrom('core__sku')
    .select('stock')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', line.skuId)
  const max = sql.lit(MAX_LINE_QUANTITY)
  // On conflict the row is locked and re-read, so the sum is taken over the committed quantity.
  const row = await ctx.db
    .insertInto('core__cart_line')
    .values({
      tenant_id: ctx.tenant.id,
      cart_id: cartId,
      sku_id: line.skuId,
      quantity: line.quantity,
      price_seen: line.priceSeen,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'cart_id', 'sku_id'])
        .doUpdateSet({
          quantity: sql<number>`least(${max}, core__cart_line.quantity + excluded.quantity)`,
        })
        .where(
          sql<boolean>`core__cart_line.quantity + excluded.quantity <= least(${max}, (${stock}))`,
        ),
    )
    .returning('quantity')
    .executeTakeFirst()
  return row?.quantity
}

/**
 * Moves a guest cart's lines into the customer's cart and deletes the guest cart: quantities of
 * the same SKU add up, capped at the SKU's stock and at 999 (at least 1, so the line stays and
 * is flagged if the SKU ran out). Returns whether a guest cart was found.
 */
export async function mergeGuestCart(
  ctx: MallContext,
  guestHash: string,
  customerId: string,
): Promise<boolean> {
  const guestCart = await findCart(ctx, { guestHash })
  if (!guestCart) return false
  const cartId = await ensureCart(ctx, { customerId })
  const guestLines = await ctx.db
    .selectFrom('core__cart_line as l')
    .innerJoin('core__sku as s', (j) =>
      j.onRef('s.tenant_id', '=', 'l.tenant_id').onRef('s.id', '=', 'l.sku_id'),
    )
    .leftJoin('core__cart_line as mine', (j) =>
      j
        .onRef('mine.tenant_id', '=', 'l.tenant_id')
        .onRef('mine.sku_id', '=', 'l.sku_id')
        .on('mine.cart_id', '=', cartId),
    )
    .select(['l.sku_id', 'l.quantity', 'l.price_seen', 's.stock', 'mine.quantity as mine'])
    .where('l.tenant_id', '=', ctx.tenant.id)
    .where('l.cart_id', '=', guestCart)
    .execute()
  for (const line of guestLines) {
    const sum = line.quantity + (line.mine ?? 0)
    const quantity = Math.max(1, Math.min(sum, line.stock, MAX_LINE_QUANTITY))
    await ctx.db
      .insertInto('core__cart_line')
      .values({
        tenant_id: ctx.tenant.id,
        cart_id: cartId,
        sku_id: line.sku_id,
        quantity,
        price_seen: line.price_seen,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'cart_id', 'sku_id']).doUpdateSet({ quantity }))
      .execute()
  }
  await ctx.db
    .deleteFrom('core__cart')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', guestCart)
    .execute()
  return true
}

/** Removes SKUs from a customer's cart (after they were ordered). */
export async function removeFromCustomerCart(
  ctx: MallContext,
  customerId: string,
  skuIds: readonly string[],
): Promise<void> {
  const cartId = await findCart(ctx, { customerId })
  if (!cartId || skuIds.length === 0) return
  await ctx.db
    .deleteFrom('core__cart_line')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('cart_id', '=', cartId)
    .where('sku_id', 'in', skuIds)
    .execute()
}
