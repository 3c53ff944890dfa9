import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import {
  commonErrors,
  createRouter,
  currentCustomer,
  IdempotencyHeaders,
  json,
  jsonBody,
  pluginDb,
  type MallEnv,
} from '@mallkit/core/plugin'
import type { AudienceDirectory } from './audience.ts'
import { issueCoupon, templateForCode } from './issue.ts'
import { CouponCode, CouponView, OfferView } from './schemas.ts'
import type { CouponTables } from './tables.ts'
import { templateView } from './templates.ts'
import { couponById, myCoupons, offersFor } from './wallet.ts'

const tags = ['coupons']
const refused = { 409: { description: 'Refused: the problem `code` says why' } }

const offers = createRoute({
  method: 'get',
  path: '/offers',
  tags,
  summary: 'The claim centre: live public coupons, with what remains of each',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) }) },
  responses: { 200: json(z.object({ items: z.array(OfferView) })), ...commonErrors },
})

const claim = createRoute({
  method: 'post',
  path: '/offers/{templateId}/claim',
  tags,
  summary:
    'Claims a coupon with one tap; a retry with the same Idempotency-Key returns the same coupon',
  request: { params: z.object({ templateId: z.uuid() }), headers: IdempotencyHeaders },
  responses: {
    201: json(CouponView, 'Claimed'),
    200: json(CouponView, 'Claimed before with this Idempotency-Key'),
    ...commonErrors,
    ...refused,
  },
})

const redeem = createRoute({
  method: 'post',
  path: '/codes/redeem',
  tags,
  summary: 'Claims the coupon a code names',
  request: { headers: IdempotencyHeaders, ...jsonBody(z.object({ code: CouponCode })) },
  responses: {
    201: json(CouponView, 'Claimed'),
    200: json(CouponView, 'Claimed before with this Idempotency-Key'),
    ...commonErrors,
    ...refused,
  },
})

const mine = createRoute({
  method: 'get',
  path: '/mine',
  tags,
  summary: 'My coupons: usable, used, expired',
  responses: {
    200: json(
      z.object({
        usable: z.array(CouponView),
        used: z.array(CouponView),
        expired: z.array(CouponView),
      }),
    ),
    ...commonErrors,
  },
})

const CartOfferView = z
  .object({
    coupon: CouponView,
    /** Goods discount plus shipping discount, minor units. */
    saving: z.number().int(),
    reason: z
      .enum([
        'outside_scope',
        'promotion_not_combinable',
        'threshold_not_met',
        'no_shipping_fee',
        'nothing_to_discount',
        'expired',
        'not_yet_valid',
      ])
      .nullable(),
    /** For `threshold_not_met`: how much more to add, minor units. */
    shortBy: z.number().int().nullable(),
  })
  .openapi('CartCouponOffer')

const cartOffers = createRoute({
  method: 'post',
  path: '/cart-offers',
  tags,
  summary:
    'My coupons for this cart: applicable ones by saving, the best preselected, the rest with the reason',
  request: jsonBody(
    z.object({
      items: z
        .array(z.object({ skuId: z.uuid(), quantity: z.number().int().min(1).max(999) }))
        .min(1)
        .max(100)
        .optional(),
      shippingFee: z.number().int().min(0).max(100_000_000).default(0),
    }),
  ),
  responses: {
    200: json(
      z.object({
        applicable: z.array(CartOfferView),
        inapplicable: z.array(CartOfferView),
        bestCouponId: z.uuid().nullable(),
      }),
    ),
    ...commonErrors,
  },
})

/** `/api/store/p/coupons`. */
export function storeRoutes(audience: AudienceDirectory): OpenAPIHono<MallEnv> {
  return createRouter()
    .openapi(offers, async (c) => {
      const { limit } = c.req.valid('query')
      const items = await c.var.inMall(async (ctx) => {
        const now = ctx.now()
        const rows = await pluginDb<CouponTables>(ctx)
          .selectFrom('coupons__template')
          .selectAll()
          .where('tenant_id', '=', ctx.tenant.id)
          .where('status', '=', 'live')
          .where('public', '=', true)
          .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', now)]))
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute()
        return rows.map((row) => {
          const view = templateView(row, [])
          return {
            id: view.id,
            name: view.name,
            description: view.description,
            benefit: view.benefit,
            scope: view.scope,
            validity: view.validity,
            totalQuantity: view.totalQuantity,
            remaining: view.remaining,
            perCustomerLimit: view.perCustomerLimit,
            audience: view.audience.kind,
          }
        })
      })
      return c.json({ items }, 200)
    })
    .openapi(claim, async (c) => {
      const customer = currentCustomer(c)
      const { templateId } = c.req.valid('param')
      const key = c.req.valid('header')['idempotency-key']
      const result = await c.var.inMall(async (ctx) => {
        const { coupon, created } = await issueCoupon(ctx, audience, {
          templateId,
          customerId: customer.id,
          source: 'claim',
          idempotencyKey: `claim:${customer.id}:${key}`,
        })
        return { view: await couponById(ctx, coupon.id), created }
      })
      return c.json(result.view, result.created ? 201 : 200)
    })
    .openapi(redeem, async (c) => {
      const customer = currentCustomer(c)
      const key = c.req.valid('header')['idempotency-key']
      const { code } = c.req.valid('json')
      const result = await c.var.inMall(async (ctx) => {
        const { coupon, created } = await issueCoupon(ctx, audience, {
          templateId: await templateForCode(ctx, code),
          customerId: customer.id,
          source: 'code',
          sourceRef: code,
          idempotencyKey: `code:${customer.id}:${key}`,
        })
        return { view: await couponById(ctx, coupon.id), created }
      })
      return c.json(result.view, result.created ? 201 : 200)
    })
    .openapi(mine, async (c) => {
      const customer = currentCustomer(c)
      return c.json(await c.var.inMall((ctx) => myCoupons(ctx, customer.id)), 200)
    })
    .openapi(cartOffers, async (c) => {
      const customer = currentCustomer(c)
      const body = c.req.valid('json')
      const result = await c.var.inMall(async (ctx) => {
        const draft = await c.var.pricing.draftBefore(ctx, 'coupon', body)
        const { offers: all, best } = await offersFor(ctx, customer.id, draft)
        const views = all.map((offer) => ({
          coupon: offer.coupon,
          saving: offer.quote.applicable ? offer.quote.saving : 0,
          reason: offer.reason,
          shortBy: !offer.quote.applicable ? (offer.quote.shortBy ?? null) : null,
        }))
        return {
          applicable: views.filter((v) => v.reason === null),
          inapplicable: views.filter((v) => v.reason !== null),
          bestCouponId: best?.coupon.id ?? null,
        }
      })
      return c.json(result, 200)
    })
}
