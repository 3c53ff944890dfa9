import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import {
  commonErrors,
  createRouter,
  IdempotencyHeaders,
  json,
  jsonBody,
  type MallEnv,
} from '@mallkit/core/plugin'
import {
  AdjustmentInput,
  adjustMember,
  listMembers,
  MemberDetail,
  memberDetail,
  MemberQuery,
  MemberRow,
  report,
  Report,
  VIEW,
} from './members.ts'
import {
  confirmTopUp,
  listTopUps,
  createPackage,
  editPackage,
  listPackages,
  PackageEdit,
  PackageInput,
  PackageView,
  TopUpQuery,
  TopUpRow,
  TopUpView,
} from './top-ups.ts'
import { MemberView } from './views.ts'
import { refused, tags } from './schemas.ts'

const MemberParams = z.object({ customerId: z.uuid() })

const list = createRoute({
  method: 'get',
  path: '/members',
  tags,
  summary: 'Members, newest first; `q` matches name, email or phone; `tier` filters',
  request: { query: MemberQuery },
  responses: {
    200: json(z.object({ items: z.array(MemberRow), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

const detail = createRoute({
  method: 'get',
  path: '/members/{customerId}',
  tags,
  summary: 'One member with the latest entries of each ledger',
  request: { params: MemberParams },
  responses: { 200: json(MemberDetail), ...commonErrors },
})

const adjust = createRoute({
  method: 'post',
  path: '/members/{customerId}/adjustments',
  tags,
  summary: "Adjusts a member's points, balance or growth, with a reason (audited)",
  request: { params: MemberParams, headers: IdempotencyHeaders, ...jsonBody(AdjustmentInput) },
  responses: { 200: json(MemberView), ...commonErrors, ...refused },
})

const packages = createRoute({
  method: 'get',
  path: '/top-up-packages',
  tags,
  summary: 'Every top-up package, active or not',
  responses: { 200: json(z.object({ items: z.array(PackageView) })), ...commonErrors },
})

const createPackageRoute = createRoute({
  method: 'post',
  path: '/top-up-packages',
  tags,
  summary: 'Creates a top-up package (pay amount, get amount + bonus)',
  request: jsonBody(PackageInput),
  responses: { 201: json(PackageView, 'Created'), ...commonErrors },
})

const editPackageRoute = createRoute({
  method: 'patch',
  path: '/top-up-packages/{packageId}',
  tags,
  summary: 'Edits a top-up package (deactivate it to take it off sale)',
  request: { params: z.object({ packageId: z.uuid() }), ...jsonBody(PackageEdit) },
  responses: { 200: json(PackageView), ...commonErrors },
})

const topUps = createRoute({
  method: 'get',
  path: '/top-ups',
  tags,
  summary: 'Top-ups, newest first, by status and customer: the pending ones wait for staff',
  request: { query: TopUpQuery },
  responses: {
    200: json(z.object({ items: z.array(TopUpRow), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

const confirm = createRoute({
  method: 'post',
  path: '/top-ups/{topUpId}/confirm',
  tags,
  summary: 'Records that a top-up was paid: credits amount and bonus once (audited)',
  request: { params: z.object({ topUpId: z.uuid() }) },
  responses: { 200: json(TopUpView), ...commonErrors, ...refused },
})

const reportRoute = createRoute({
  method: 'get',
  path: '/report',
  tags,
  summary: 'Members per tier, points issued and redeemed, stored value outstanding',
  responses: { 200: json(Report), ...commonErrors },
})

/** `/api/admin/p/membership`. */
export function adminRoutes(): OpenAPIHono<MallEnv> {
  return createRouter()
    .openapi(list, async (c) => {
      const query = c.req.valid('query')
      return c.json(await c.var.inMall((ctx) => listMembers(ctx, query)), 200)
    })
    .openapi(detail, async (c) => {
      const { customerId } = c.req.valid('param')
      return c.json(await c.var.inMall((ctx) => memberDetail(ctx, customerId)), 200)
    })
    .openapi(adjust, async (c) => {
      const { customerId } = c.req.valid('param')
      const key = c.req.valid('header')['idempotency-key']
      const input = c.req.valid('json')
      return c.json(await c.var.inMall((ctx) => adjustMember(ctx, customerId, input, key)), 200)
    })
    .openapi(packages, async (c) => {
      const items = await c.var.inMall((ctx) => {
        ctx.require(VIEW)
        return listPackages(ctx, true)
      })
      return c.json({ items }, 200)
    })
    .openapi(createPackageRoute, async (c) => {
      const input = c.req.valid('json')
      return c.json(await c.var.inMall((ctx) => createPackage(ctx, input)), 201)
    })
    .openapi(editPackageRoute, async (c) => {
      const { packageId } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(await c.var.inMall((ctx) => editPackage(ctx, packageId, input)), 200)
    })
    .openapi(topUps, async (c) => {
      const query = c.req.valid('query')
      return c.json(await c.var.inMall((ctx) => listTopUps(ctx, query)), 200)
    })
    .openapi(confirm, async (c) => {
      const { topUpId } = c.req.valid('param')
      return c.json(await c.var.inMall((ctx) => confirmTopUp(ctx, topUpId)), 200)
    })
    .openapi(reportRoute, async (c) => {
      return c.json(await c.var.inMall((ctx) => report(ctx)), 200)
    })
}
