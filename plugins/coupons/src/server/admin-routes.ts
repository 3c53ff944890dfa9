import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import {
  commonErrors,
  createRouter,
  IdempotencyHeaders,
  json,
  jsonBody,
  MallError,
  PageQuery,
  permission,
  type MallEnv,
} from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'
import type { AudienceDirectory } from './audience.ts'
import { issueCoupon } from './issue.ts'
import { Report, TemplateEdit, TemplateInput, TemplateView } from './schemas.ts'
import {
  changeStatus,
  createTemplate,
  editTemplate,
  findTemplate,
  getTemplate,
  listTemplates,
  MANAGE,
  reportOf,
} from './templates.ts'

const ISSUE = permission(manifest, 'coupons.issue')
const tags = ['coupons']
const TemplateParams = z.object({ templateId: z.uuid() })
const conflict = { 409: { description: 'Refused: the problem `code` says why' } }

const list = createRoute({
  method: 'get',
  path: '/templates',
  tags,
  summary: 'Coupon templates, newest first; `q` matches the name or a code',
  request: {
    query: PageQuery.extend({ status: z.enum(['draft', 'live', 'paused', 'ended']).optional() }),
  },
  responses: {
    200: json(z.object({ items: z.array(TemplateView), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

const create = createRoute({
  method: 'post',
  path: '/templates',
  tags,
  summary: 'Creates a coupon template (a draft unless `status: live`)',
  request: jsonBody(TemplateInput),
  responses: { 201: json(TemplateView, 'Created'), ...commonErrors, ...conflict },
})

const detail = createRoute({
  method: 'get',
  path: '/templates/{templateId}',
  tags,
  summary: 'One coupon template',
  request: { params: TemplateParams },
  responses: { 200: json(TemplateView), ...commonErrors },
})

const edit = createRoute({
  method: 'patch',
  path: '/templates/{templateId}',
  tags,
  summary: 'Edits a template; once claimed, only changes in the holders’ favour',
  request: { params: TemplateParams, ...jsonBody(TemplateEdit) },
  responses: { 200: json(TemplateView), ...commonErrors, ...conflict },
})

const statusRoute = (action: 'publish' | 'pause' | 'resume' | 'end', summary: string) =>
  createRoute({
    method: 'post',
    path: `/templates/{templateId}/${action}`,
    tags,
    summary,
    request: { params: TemplateParams },
    responses: { 200: json(TemplateView), ...commonErrors, ...conflict },
  })

const IssueBody = z
  .object({ customerIds: z.array(z.uuid()).min(1).max(500) })
  .openapi('CouponIssueRequest')
const IssueResult = z
  .object({
    issued: z.array(z.object({ customerId: z.uuid(), couponId: z.uuid(), created: z.boolean() })),
    refused: z.array(z.object({ customerId: z.uuid(), code: z.string(), detail: z.string() })),
  })
  .openapi('CouponIssueResult')

const issue = createRoute({
  method: 'post',
  path: '/templates/{templateId}/issue',
  tags,
  summary:
    'Issues the coupon to chosen customers; a retry with the same Idempotency-Key issues nothing more',
  request: { params: TemplateParams, headers: IdempotencyHeaders, ...jsonBody(IssueBody) },
  responses: { 200: json(IssueResult), ...commonErrors },
})

const report = createRoute({
  method: 'get',
  path: '/templates/{templateId}/report',
  tags,
  summary: 'Claimed, used, redemption rate, discount given and order value driven',
  request: { params: TemplateParams },
  responses: { 200: json(Report), ...commonErrors },
})

/** `/api/admin/p/coupons`. */
export function adminRoutes(audience: AudienceDirectory): OpenAPIHono<MallEnv> {
  const router = createRouter()
    .openapi(list, async (c) => {
      const query = c.req.valid('query')
      return c.json(await c.var.inMall((ctx) => listTemplates(ctx, query)), 200)
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json')
      return c.json(await c.var.inMall((ctx) => createTemplate(ctx, input)), 201)
    })
    .openapi(detail, async (c) => {
      const { templateId } = c.req.valid('param')
      return c.json(await c.var.inMall((ctx) => getTemplate(ctx, templateId)), 200)
    })
    .openapi(edit, async (c) => {
      const { templateId } = c.req.valid('param')
      const body = c.req.valid('json')
      return c.json(await c.var.inMall((ctx) => editTemplate(ctx, templateId, body)), 200)
    })
    .openapi(issue, async (c) => {
      const { templateId } = c.req.valid('param')
      const key = c.req.valid('header')['idempotency-key']
      const { customerIds } = c.req.valid('json')
      const result = await c.var.inMall(async (ctx) => {
        ctx.require(ISSUE)
        await findTemplate(ctx, templateId)
        const outcome: z.infer<typeof IssueResult> = { issued: [], refused: [] }
        for (const customerId of new Set(customerIds)) {
          try {
            const { coupon, created } = await issueCoupon(ctx, audience, {
              templateId,
              customerId,
              source: 'staff',
              sourceRef: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
              idempotencyKey: `staff:${key}:${customerId}`,
            })
            outcome.issued.push({ customerId, couponId: coupon.id, created })
          } catch (error) {
            // A refusal is raised before that customer's writes; the others go ahead.
            if (!(error instanceof MallError)) throw error
            outcome.refused.push({ customerId, code: error.problemCode, detail: error.message })
          }
        }
        if (outcome.issued.some((i) => i.created))
          await ctx.audit('coupons.issued', `coupons:template:${templateId}`, {
            count: outcome.issued.length,
          })
        return outcome
      })
      return c.json(result, 200)
    })
    .openapi(report, async (c) => {
      const { templateId } = c.req.valid('param')
      return c.json(
        await c.var.inMall((ctx) => {
          ctx.require(MANAGE)
          return reportOf(ctx, templateId)
        }),
        200,
      )
    })
  for (const [action, summary] of [
    ['publish', 'Publishes a draft: it can be claimed'],
    ['pause', 'Pauses claims; coupons already claimed stay usable'],
    ['resume', 'Resumes claims of a paused coupon'],
    ['end', 'Ends the coupon for good; coupons already claimed stay usable until they expire'],
  ] as const)
    router.openapi(statusRoute(action, summary), async (c) => {
      const { templateId } = c.req.valid('param')
      return c.json(await c.var.inMall((ctx) => changeStatus(ctx, templateId, action)), 200)
    })
  return router
}
