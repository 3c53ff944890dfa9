import { z } from '@hono/zod-openapi'
import {
  afterCursor,
  cursorTime,
  decodeCursor,
  escapeLike,
  keysetPage,
  MallError,
  permission,
  pluginDb,
  type MallContext,
} from '@mallkit/core/plugin'
import { sql, type Selectable } from 'kysely'
import { manifest } from '../manifest.ts'
import type { MallItemTable, MembershipTables } from './tables.ts'

export const POINTS_MALL_MANAGE = permission(manifest, 'points-mall.manage')

/**
 * A points mall item as staff list it: one coupon (a template of the coupons plugin) for
 * `points`; `stock` null is unlimited. The template is not checked here (this plugin never reads
 * the coupons plugin's tables): an exchange of a template that cannot be issued is refused.
 */
export const MallItemInput = z
  .object({
    name: z.string().trim().min(1).max(60),
    couponTemplateId: z.uuid(),
    points: z.number().int().min(1).max(10_000_000),
    stock: z.number().int().min(0).max(10_000_000).nullable().default(null),
    perCustomerLimit: z.number().int().min(1).max(1000).default(1),
    active: z.boolean().default(true),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .openapi('PointsMallItemInput')
export type MallItemInput = z.infer<typeof MallItemInput>
export const MallItemEdit = MallItemInput.partial().openapi('PointsMallItemEdit')
export type MallItemEdit = z.infer<typeof MallItemEdit>

/** An item as staff see it: with what was exchanged so far. */
export const MallItemView = z
  .object({
    id: z.uuid(),
    kind: z.enum(['coupon']),
    name: z.string(),
    couponTemplateId: z.uuid(),
    points: z.number().int(),
    stock: z.number().int().nullable(),
    exchanged: z.number().int(),
    perCustomerLimit: z.number().int(),
    active: z.boolean(),
    position: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('PointsMallItem')
export type MallItemView = z.infer<typeof MallItemView>

export const MallItemQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  /** Matches the item's name. */
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
})

export type MallItemRow = Selectable<MallItemTable>

export const mallItemView = (row: MallItemRow): MallItemView => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  couponTemplateId: row.coupon_template_id,
  points: row.points,
  stock: row.stock,
  exchanged: row.exchanged,
  perCustomerLimit: row.per_customer_limit,
  active: row.active,
  position: row.position,
  createdAt: row.created_at.toISOString(),
})

const columns = (input: MallItemEdit) => ({
  ...(input.name !== undefined && { name: input.name }),
  ...(input.couponTemplateId !== undefined && { coupon_template_id: input.couponTemplateId }),
  ...(input.points !== undefined && { points: input.points }),
  ...(input.stock !== undefined && { stock: input.stock }),
  ...(input.perCustomerLimit !== undefined && { per_customer_limit: input.perCustomerLimit }),
  ...(input.active !== undefined && { active: input.active }),
  ...(input.position !== undefined && { position: input.position }),
})

/** An item that was not deleted, optionally locked `for update` (every exchange of it waits). */
export async function findItem(ctx: MallContext, id: string, lock = false) {
  let query = pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__mall_item')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
  if (lock) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row) throw new MallError('not_found', 'No such points mall item')
  return row
}

/** The mall's items, newest first (keyset pages), by name and active flag. */
export async function listItems(ctx: MallContext, query: z.infer<typeof MallItemQuery>) {
  ctx.require(POINTS_MALL_MANAGE)
  const after = decodeCursor(query.cursor)
  let rows = pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__mall_item')
    .selectAll()
    .select(cursorTime('created_at').as('cursor_at'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('deleted_at', 'is', null)
  if (query.q) rows = rows.where(sql<boolean>`name ilike ${`%${escapeLike(query.q)}%`}`)
  if (query.active) rows = rows.where('active', '=', query.active === 'true')
  if (after) rows = rows.where(afterCursor('created_at', after))
  const found = await rows
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const { page, nextCursor } = keysetPage(found, query.limit)
  return { items: page.map(mallItemView), nextCursor }
}

/** Creates an item (audited). */
export async function createItem(ctx: MallContext, input: MallItemInput) {
  ctx.require(POINTS_MALL_MANAGE)
  const now = ctx.now()
  const row = await pluginDb<MembershipTables>(ctx)
    .insertInto('membership__mall_item')
    .values({
      tenant_id: ctx.tenant.id,
      name: input.name,
      coupon_template_id: input.couponTemplateId,
      points: input.points,
      stock: input.stock,
      per_customer_limit: input.perCustomerLimit,
      active: input.active,
      position: input.position,
      deleted_at: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await ctx.audit('membership.points-mall-item-created', `membership:mall-item:${row.id}`, input)
  return mallItemView(row)
}

/**
 * Edits an item (audited). Stock can be lowered to what was exchanged, never below: 409 naming
 * `body.stock`.
 */
export async function editItem(ctx: MallContext, id: string, input: MallItemEdit) {
  ctx.require(POINTS_MALL_MANAGE)
  const item = await findItem(ctx, id, true)
  if (input.stock != null && input.stock < item.exchanged)
    throw new MallError('conflict', `${item.exchanged} were exchanged already`, {
      errors: [{ field: 'body.stock', message: `at least ${item.exchanged}` }],
    })
  const row = await pluginDb<MembershipTables>(ctx)
    .updateTable('membership__mall_item')
    .set({ ...columns(input), updated_at: ctx.now() })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await ctx.audit('membership.points-mall-item-edited', `membership:mall-item:${id}`, input)
  return mallItemView(row)
}

/** Deletes an item (audited): it leaves the lists; its exchanges keep naming it. */
export async function deleteItem(ctx: MallContext, id: string): Promise<void> {
  ctx.require(POINTS_MALL_MANAGE)
  const item = await findItem(ctx, id, true)
  await pluginDb<MembershipTables>(ctx)
    .updateTable('membership__mall_item')
    .set({ deleted_at: ctx.now(), active: false, updated_at: ctx.now() })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .execute()
  await ctx.audit('membership.points-mall-item-deleted', `membership:mall-item:${id}`, {
    name: item.name,
  })
}
