import { MallError, pluginDb, type MallContext } from '@mallkit/core/plugin'
import type { Selectable } from 'kysely'
import '../events.ts'
import type { AudienceDirectory } from './audience.ts'
import { couponError } from './errors.ts'
import { findTemplate, type TemplateRow } from './templates.ts'
import type { CouponSource, CouponTable, CouponTables } from './tables.ts'

export type CouponRow = Selectable<CouponTable>

/** One coupon to hand out: which, to whom, how, and the key that makes retries harmless. */
export interface IssueRequest {
  templateId: string
  customerId: string
  source: CouponSource
  sourceRef?: string | null
  /** Unique per mall: a second issue with the same key returns the first coupon. */
  idempotencyKey: string
}

const DAY = 86_400_000

/** The validity a coupon claimed now gets from its template. */
function validityFrom(template: TemplateRow, now: Date) {
  if (template.validity_kind === 'window')
    return { valid_from: template.valid_from as Date, valid_until: template.valid_until as Date }
  return {
    valid_from: now,
    valid_until: new Date(now.getTime() + (template.valid_days ?? 1) * DAY),
  }
}

async function checkAudience(
  ctx: MallContext,
  audience: AudienceDirectory,
  template: TemplateRow,
  customerId: string,
) {
  if (template.audience === 'new_customers' && (await audience.hasPaidOrder(ctx, customerId)))
    throw couponError('not_eligible', `${template.name} is for customers before their first order`)
  if (
    template.audience === 'segment' &&
    !(await audience.inSegment(ctx, template.segment as string, customerId))
  )
    throw couponError('not_eligible', `${template.name} is for the ${template.segment} segment`)
}

/**
 * Issues one coupon, safe under any concurrency: the template row is locked (`for update`) first,
 * so every issue of a template runs one at a time; under that lock the idempotency key is looked
 * up, the per-customer limit counted and the issued count raised only `where issued < total`.
 * The unique (template, customer, claim number) key backs the limit up should a writer ever skip
 * the lock. Staff (`source: 'staff'`) may issue paused coupons and to any audience; everyone else
 * needs a live coupon whose window has not closed, and to be in its audience.
 */
export async function issueCoupon(
  ctx: MallContext,
  audience: AudienceDirectory,
  request: IssueRequest,
): Promise<{ coupon: CouponRow; created: boolean }> {
  const db = pluginDb<CouponTables>(ctx)
  const template = await findTemplate(ctx, request.templateId, true)
  const existing = await db
    .selectFrom('coupons__coupon')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('idempotency_key', '=', request.idempotencyKey)
    .executeTakeFirst()
  if (existing) {
    if (existing.template_id !== request.templateId || existing.customer_id !== request.customerId)
      throw couponError(
        'idempotency_mismatch',
        'This Idempotency-Key was used for another coupon',
        {
          errors: [{ field: 'header.idempotency-key', message: 'already used for another coupon' }],
        },
      )
    return { coupon: existing, created: false }
  }

  const now = ctx.now()
  const byStaff = request.source === 'staff'
  const open = byStaff ? ['live', 'paused'] : ['live']
  if (!open.includes(template.status))
    throw couponError('not_claimable', `${template.name} is ${template.status}`)
  if (template.validity_kind === 'window' && (template.valid_until as Date) <= now)
    throw couponError('not_claimable', `${template.name} has expired`)
  if (!byStaff) await checkAudience(ctx, audience, template, request.customerId)

  const held = await db
    .selectFrom('coupons__coupon')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('template_id', '=', template.id)
    .where('customer_id', '=', request.customerId)
    .executeTakeFirstOrThrow()
  const claimNo = Number(held.n) + 1
  if (claimNo > template.per_customer_limit)
    throw couponError(
      'limit_reached',
      `${template.name}: at most ${template.per_customer_limit} per customer`,
    )

  const customer = await ctx.db
    .selectFrom('core__customer')
    .select('id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', request.customerId)
    .executeTakeFirst()
  if (!customer) throw new MallError('not_found', 'No such customer')

  const counted = await db
    .updateTable('coupons__template')
    .set((eb) => ({ issued: eb('issued', '+', 1) }))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', template.id)
    .where((eb) =>
      eb.or([eb('total_quantity', 'is', null), eb('issued', '<', eb.ref('total_quantity'))]),
    )
    .returning('issued')
    .executeTakeFirst()
  if (!counted) throw couponError('sold_out', `${template.name} is all gone`)

  const coupon = await db
    .insertInto('coupons__coupon')
    .values({
      tenant_id: ctx.tenant.id,
      template_id: template.id,
      customer_id: request.customerId,
      claim_no: claimNo,
      ...validityFrom(template, now),
      source: request.source,
      source_ref: request.sourceRef ?? null,
      idempotency_key: request.idempotencyKey,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendLedger(ctx, coupon, 'issued')
  await ctx.emit('coupons.coupon-issued', {
    couponId: coupon.id,
    templateId: template.id,
    customerId: request.customerId,
    source: request.source,
  })
  return { coupon, created: true }
}

/** Appends what happened to a coupon to the ledger (append only: the table refuses updates). */
export async function appendLedger(
  ctx: MallContext,
  coupon: Pick<CouponRow, 'id' | 'template_id'>,
  action: 'issued' | 'locked' | 'released' | 'used' | 'returned',
  details: { orderId?: string | null; amount?: number } = {},
): Promise<void> {
  await pluginDb<CouponTables>(ctx)
    .insertInto('coupons__ledger')
    .values({
      tenant_id: ctx.tenant.id,
      coupon_id: coupon.id,
      template_id: coupon.template_id,
      action,
      order_id: details.orderId ?? null,
      amount: details.amount ?? 0,
      actor_kind: ctx.actor.kind,
      actor_id: 'id' in ctx.actor ? ctx.actor.id : null,
      created_at: ctx.now(),
    })
    .execute()
}

/** The template a code names (codes are stored upper case); 404 `coupons:unknown_code`. */
export async function templateForCode(ctx: MallContext, code: string): Promise<string> {
  const found = await pluginDb<CouponTables>(ctx)
    .selectFrom('coupons__code')
    .select('template_id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('code', '=', code.toUpperCase())
    .executeTakeFirst()
  if (!found) throw couponError('unknown_code', `No coupon has the code ${code}`)
  return found.template_id
}
