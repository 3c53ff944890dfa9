import {
  afterCursor,
  cursorTime,
  decodeCursor,
  escapeLike,
  keysetPage,
  MallError,
  permission,
  pluginDb,
  validationError,
  type MallContext,
} from '@mallkit/core/plugin'
import type { Selectable } from 'kysely'
import { manifest } from '../manifest.ts'
import { couponError } from './errors.ts'
import type { Report, TemplateEdit, TemplateInput, TemplateView, Validity } from './schemas.ts'
import type { CouponTables, TemplateStatus, TemplateTable } from './tables.ts'

export const MANAGE = permission(manifest, 'coupons.manage')

export type TemplateRow = Selectable<TemplateTable>

/** The API view of a template row and its codes. */
export function templateView(row: TemplateRow, codes: string[]): TemplateView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    benefit: row.benefit,
    scope: row.scope,
    validity:
      row.validity_kind === 'window'
        ? {
            kind: 'window',
            from: (row.valid_from as Date).toISOString(),
            until: (row.valid_until as Date).toISOString(),
          }
        : { kind: 'relative', days: row.valid_days as number },
    totalQuantity: row.total_quantity,
    issued: row.issued,
    remaining: row.total_quantity === null ? null : row.total_quantity - row.issued,
    perCustomerLimit: row.per_customer_limit,
    audience:
      row.audience === 'segment'
        ? { kind: 'segment', segment: row.segment as string }
        : { kind: row.audience },
    public: row.public,
    combinableWithPromotions: row.combinable_with_promotions,
    codes,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

function validityColumns(validity: Validity) {
  return validity.kind === 'window'
    ? {
        validity_kind: 'window' as const,
        valid_from: new Date(validity.from),
        valid_until: new Date(validity.until),
        valid_days: null,
      }
    : {
        validity_kind: 'relative' as const,
        valid_from: null,
        valid_until: null,
        valid_days: validity.days,
      }
}

/** The template columns an edit sets. */
function columns(input: TemplateEdit) {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.benefit && { kind: input.benefit.kind, benefit: JSON.stringify(input.benefit) }),
    ...(input.scope && { scope: JSON.stringify(input.scope) }),
    ...(input.validity && validityColumns(input.validity)),
    ...(input.totalQuantity !== undefined && { total_quantity: input.totalQuantity }),
    ...(input.perCustomerLimit !== undefined && { per_customer_limit: input.perCustomerLimit }),
    ...(input.audience && {
      audience: input.audience.kind,
      segment: input.audience.kind === 'segment' ? input.audience.segment : null,
    }),
    ...(input.public !== undefined && { public: input.public }),
    ...(input.combinableWithPromotions !== undefined && {
      combinable_with_promotions: input.combinableWithPromotions,
    }),
  }
}

async function codesOf(ctx: MallContext, templateIds: string[]): Promise<Map<string, string[]>> {
  const byTemplate = new Map<string, string[]>()
  if (templateIds.length === 0) return byTemplate
  const rows = await pluginDb<CouponTables>(ctx)
    .selectFrom('coupons__code')
    .select(['template_id', 'code'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('template_id', 'in', templateIds)
    .orderBy('code')
    .execute()
  for (const row of rows)
    byTemplate.set(row.template_id, [...(byTemplate.get(row.template_id) ?? []), row.code])
  return byTemplate
}

async function addCodes(ctx: MallContext, templateId: string, codes: readonly string[]) {
  const db = pluginDb<CouponTables>(ctx)
  for (const [i, code] of [...new Set(codes)].entries()) {
    const taken = await db
      .selectFrom('coupons__code')
      .select('template_id')
      .where('tenant_id', '=', ctx.tenant.id)
      .where('code', '=', code)
      .executeTakeFirst()
    if (taken && taken.template_id !== templateId)
      throw couponError('code_taken', `The code ${code} belongs to another coupon`, {
        errors: [{ field: `body.codes.${i}`, message: 'already used by another coupon' }],
      })
    if (!taken)
      await db
        .insertInto('coupons__code')
        .values({ tenant_id: ctx.tenant.id, code, template_id: templateId })
        .execute()
  }
}

/** The template `id`, locked for update when `lock` (claims and edits serialise on it). */
export async function findTemplate(
  ctx: MallContext,
  id: string,
  lock = false,
): Promise<TemplateRow> {
  let query = pluginDb<CouponTables>(ctx)
    .selectFrom('coupons__template')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
  if (lock) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row) throw new MallError('not_found', 'No such coupon')
  return row
}

/** Creates a template (a draft unless `status: 'live'`) with its codes. */
export async function createTemplate(
  ctx: MallContext,
  input: TemplateInput,
): Promise<TemplateView> {
  ctx.require(MANAGE)
  const row = await pluginDb<CouponTables>(ctx)
    .insertInto('coupons__template')
    .values({
      tenant_id: ctx.tenant.id,
      name: input.name,
      description: input.description,
      kind: input.benefit.kind,
      benefit: JSON.stringify(input.benefit),
      scope: JSON.stringify(input.scope),
      ...validityColumns(input.validity),
      total_quantity: input.totalQuantity,
      per_customer_limit: input.perCustomerLimit,
      audience: input.audience.kind,
      segment: input.audience.kind === 'segment' ? input.audience.segment : null,
      public: input.public,
      combinable_with_promotions: input.combinableWithPromotions,
      status: input.status,
      created_at: ctx.now(),
      updated_at: ctx.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await addCodes(ctx, row.id, input.codes)
  await ctx.audit('coupons.template-created', `coupons:template:${row.id}`, { name: input.name })
  return templateView(row, [...new Set(input.codes)].sort())
}

/** Fields that could hurt holders once coupons were claimed, and the change that is still safe. */
function unsafeChanges(row: TemplateRow, edit: TemplateEdit): string[] {
  const unsafe: string[] = []
  for (const field of ['benefit', 'scope', 'audience', 'combinableWithPromotions'] as const)
    if (edit[field] !== undefined) unsafe.push(field)
  if (edit.validity) {
    const sameWindow =
      edit.validity.kind === 'window' &&
      row.validity_kind === 'window' &&
      Date.parse(edit.validity.from) === row.valid_from?.getTime() &&
      Date.parse(edit.validity.until) >= (row.valid_until?.getTime() ?? Infinity)
    const longerDays =
      edit.validity.kind === 'relative' &&
      row.validity_kind === 'relative' &&
      edit.validity.days >= (row.valid_days ?? Infinity)
    if (!sameWindow && !longerDays) unsafe.push('validity')
  }
  if (edit.perCustomerLimit !== undefined && edit.perCustomerLimit < row.per_customer_limit)
    unsafe.push('perCustomerLimit')
  return unsafe
}

/**
 * Edits a template. Once any coupon was claimed, only changes that cannot hurt holders are
 * accepted (409 `coupons:unsafe_edit` naming the fields); the quantity never drops below what was
 * issued (422). Ended templates do not change.
 */
export async function editTemplate(
  ctx: MallContext,
  id: string,
  edit: TemplateEdit,
): Promise<TemplateView> {
  ctx.require(MANAGE)
  const row = await findTemplate(ctx, id, true)
  if (row.status === 'ended') throw couponError('unsafe_edit', 'An ended coupon cannot change')
  if (row.issued > 0) {
    const unsafe = unsafeChanges(row, edit)
    if (unsafe.length)
      throw couponError(
        'unsafe_edit',
        `Coupons were claimed already: ${unsafe.join(', ')} cannot change`,
        {
          errors: unsafe.map((field) => ({
            field: `body.${field}`,
            message: 'cannot change once claimed',
          })),
        },
      )
  }
  if (
    edit.totalQuantity !== undefined &&
    edit.totalQuantity !== null &&
    edit.totalQuantity < row.issued
  )
    throw validationError([
      {
        field: 'body.totalQuantity',
        message: `${row.issued} were issued already: not less than that`,
      },
    ])
  const updated = await pluginDb<CouponTables>(ctx)
    .updateTable('coupons__template')
    .set({ ...columns(edit), updated_at: ctx.now() })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  if (edit.codes) await addCodes(ctx, id, edit.codes)
  await ctx.audit('coupons.template-edited', `coupons:template:${id}`, {
    fields: Object.keys(edit),
  })
  return templateView(updated, (await codesOf(ctx, [id])).get(id) ?? [])
}

const transitions: Record<
  'publish' | 'pause' | 'resume' | 'end',
  { from: TemplateStatus[]; to: TemplateStatus }
> = {
  publish: { from: ['draft'], to: 'live' },
  pause: { from: ['live'], to: 'paused' },
  resume: { from: ['paused'], to: 'live' },
  end: { from: ['draft', 'live', 'paused'], to: 'ended' },
}

/** Publishes, pauses, resumes or ends a template; repeating the action is a no-op. */
export async function changeStatus(
  ctx: MallContext,
  id: string,
  action: keyof typeof transitions,
): Promise<TemplateView> {
  ctx.require(MANAGE)
  const row = await findTemplate(ctx, id, true)
  const { from, to } = transitions[action]
  if (row.status !== to) {
    if (!from.includes(row.status))
      throw couponError('status_change', `A ${row.status} coupon cannot ${action}`)
    await pluginDb<CouponTables>(ctx)
      .updateTable('coupons__template')
      .set({ status: to, updated_at: ctx.now() })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', id)
      .execute()
    await ctx.audit(`coupons.template-${action}`, `coupons:template:${id}`)
  }
  return getTemplate(ctx, id)
}

export async function getTemplate(ctx: MallContext, id: string): Promise<TemplateView> {
  const row = await findTemplate(ctx, id)
  return templateView(row, (await codesOf(ctx, [id])).get(id) ?? [])
}

/** Templates newest first; `q` matches the name or a code; `status` filters. */
export async function listTemplates(
  ctx: MallContext,
  query: {
    limit: number
    cursor?: string | undefined
    q?: string | undefined
    status?: TemplateStatus | undefined
  },
): Promise<{ items: TemplateView[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor)
  let select = pluginDb<CouponTables>(ctx)
    .selectFrom('coupons__template as t')
    .selectAll('t')
    .select(cursorTime('t.created_at').as('cursor_at'))
    .where('t.tenant_id', '=', ctx.tenant.id)
  if (query.status) select = select.where('t.status', '=', query.status)
  const q = query.q
  if (q) {
    const pattern = `%${escapeLike(q)}%`
    select = select.where((eb) =>
      eb.or([
        eb('t.name', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('coupons__code as c')
            .select('c.code')
            .whereRef('c.tenant_id', '=', 't.tenant_id')
            .whereRef('c.template_id', '=', 't.id')
            .where('c.code', 'like', `%${escapeLike(q.toUpperCase())}%`),
        ),
      ]),
    )
  }
  if (after) select = select.where(afterCursor('t.created_at', after))
  const rows = await select
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const { page, nextCursor } = keysetPage(rows, query.limit)
  const codes = await codesOf(
    ctx,
    page.map((row) => row.id),
  )
  return { items: page.map((row) => templateView(row, codes.get(row.id) ?? [])), nextCursor }
}

/** Claimed, used, redemption rate, discount given and order value driven, for one template. */
export async function reportOf(ctx: MallContext, id: string): Promise<Report> {
  await findTemplate(ctx, id)
  const row = await pluginDb<CouponTables>(ctx)
    .selectFrom('coupons__coupon')
    .select((eb) => [
      eb.fn.countAll<string>().as('claimed'),
      eb.fn.count<string>('id').filterWhere('status', '=', 'locked').as('locked'),
      eb.fn.count<string>('id').filterWhere('status', '=', 'used').as('used'),
      eb.fn.count<string>('id').filterWhere('status', '=', 'returned').as('returned'),
      eb.fn.sum<string | null>('discount').filterWhere('status', '=', 'used').as('discount'),
      eb.fn.sum<string | null>('order_total').filterWhere('status', '=', 'used').as('order_value'),
    ])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('template_id', '=', id)
    .executeTakeFirstOrThrow()
  const claimed = Number(row.claimed)
  const used = Number(row.used)
  return {
    templateId: id,
    claimed,
    locked: Number(row.locked),
    used,
    returned: Number(row.returned),
    redemptionRate: claimed === 0 ? 0 : Math.round((used / claimed) * 10_000) / 10_000,
    discountGiven: Number(row.discount ?? 0),
    orderValue: Number(row.order_value ?? 0),
    currency: ctx.tenant.currency,
  }
}
