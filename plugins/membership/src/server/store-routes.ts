import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import {
  commonErrors,
  createRouter,
  currentCustomer,
  IdempotencyHeaders,
  json,
  jsonBody,
  type MallEnv,
} from '@mallkit/core/plugin'
import { setBirthday } from './birthday.ts'
import { cardState, startTrial } from './card.ts'
import { calendar, checkIn, makeUp } from './check-in.ts'
import { ProgramView, programView } from './program.ts'
import { Day, refused, tags } from './schemas.ts'
import { awardShare, SharedPath, ShareView } from './share.ts'
import { createTopUp, listPackages, PackageView, TopUpView } from './top-ups.ts'
import { EntryPage, ledgerPage, memberView, MemberView } from './views.ts'

const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
})

const me = createRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: 'My tier, progress to the next, points and balance',
  responses: { 200: json(MemberView), ...commonErrors },
})

const history = (ledger: 'points' | 'balance') =>
  createRoute({
    method: 'get',
    path: `/${ledger}`,
    tags,
    summary: `My ${ledger} history, newest first`,
    request: { query: PageQuery },
    responses: { 200: json(EntryPage), ...commonErrors },
  })

const CheckInResult = z.object({
  day: z.string(),
  streak: z.number().int(),
  points: z.number().int(),
  bonus: z.number().int(),
})

const Calendar = z.object({
  month: z.string(),
  today: z.string(),
  checkedInToday: z.boolean(),
  streak: z.number().int(),
  makeUpsLeft: z.number().int(),
  days: z.array(z.object({ day: z.string(), madeUp: z.boolean(), points: z.number().int() })),
})

const calendarRoute = createRoute({
  method: 'get',
  path: '/check-in',
  tags,
  summary: "My check-in calendar of a month (the current one by default, in the mall's timezone)",
  request: {
    query: z.object({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
        .optional(),
    }),
  },
  responses: { 200: json(Calendar), ...commonErrors },
})

const checkInRoute = createRoute({
  method: 'post',
  path: '/check-in',
  tags,
  summary: 'Checks in for today; once a day',
  responses: { 201: json(CheckInResult, 'Checked in'), ...commonErrors, ...refused },
})

const makeUpRoute = createRoute({
  method: 'post',
  path: '/check-in/make-up',
  tags,
  summary: 'Makes up a missed day (within the mall’s rules, for the make-up cost)',
  request: jsonBody(z.object({ day: Day })),
  responses: { 201: json(CheckInResult, 'Made up'), ...commonErrors, ...refused },
})

const birthdayRoute = createRoute({
  method: 'put',
  path: '/birthday',
  tags,
  summary: 'Sets my birthday (once; the mall can correct it)',
  request: jsonBody(z.object({ birthday: Day })),
  responses: { 200: json(MemberView), ...commonErrors, ...refused },
})

const packagesRoute = createRoute({
  method: 'get',
  path: '/top-up-packages',
  tags,
  summary: 'The top-up packages on offer',
  responses: { 200: json(z.object({ items: z.array(PackageView) })), ...commonErrors },
})

const topUpRoute = createRoute({
  method: 'post',
  path: '/top-ups',
  tags,
  summary:
    'Orders a top-up of a package, awaiting payment; the same Idempotency-Key returns the same top-up',
  request: { headers: IdempotencyHeaders, ...jsonBody(z.object({ packageId: z.uuid() })) },
  responses: {
    201: json(TopUpView, 'Created'),
    200: json(TopUpView, 'Created before with this Idempotency-Key'),
    ...commonErrors,
    ...refused,
  },
})

const CardView = z
  .object({
    active: z.boolean(),
    validUntil: z.string().nullable(),
    trialAvailable: z.boolean(),
  })
  .openapi('MemberCard')

const cardRoute = createRoute({
  method: 'get',
  path: '/card',
  tags,
  summary: 'My paid member card: valid or not, until when, whether the trial is open',
  responses: { 200: json(CardView), ...commonErrors },
})

const trialRoute = createRoute({
  method: 'post',
  path: '/card/trial',
  tags,
  summary: 'Starts the one-time free trial of the member card',
  responses: { 201: json(CardView, 'Started'), ...commonErrors, ...refused },
})

const programRoute = createRoute({
  method: 'get',
  path: '/program',
  tags,
  summary:
    "The mall's membership programme: tiers and their benefits, earn rules, redemption, stored value, the paid card's plans (no sign-in; the same for everyone)",
  responses: {
    200: json(ProgramView),
    304: { description: 'Not modified: the ETag in If-None-Match is current' },
    ...commonErrors,
  },
})

const shareRoute = createRoute({
  method: 'post',
  path: '/share',
  tags,
  summary:
    'Awards points for sharing a page of the mall: once per page a day, up to the daily cap (off unless the mall sets points for sharing)',
  request: jsonBody(z.object({ path: SharedPath })),
  responses: { 200: json(ShareView, 'What the share earned (0 when off)'), ...commonErrors },
})

/**
 * `/api/store/p/membership`: the signed-in customer's membership, and the programme (public).
 */
export function storeRoutes(): OpenAPIHono<MallEnv> {
  return createRouter()
    .openapi(programRoute, (c) =>
      // The same for every shopper: kept in the process's cache until the mall changes.
      c.var.sharedJson('program', () => c.var.inMall((ctx) => programView(ctx, c.var.pricing))),
    )
    .openapi(shareRoute, async (c) => {
      const customer = currentCustomer(c)
      const { path } = c.req.valid('json')
      return c.json(await c.var.inMall((ctx) => awardShare(ctx, customer.id, path)), 200)
    })
    .openapi(me, async (c) => {
      const customer = currentCustomer(c)
      return c.json(await c.var.inMall((ctx) => memberView(ctx, customer.id)), 200)
    })
    .openapi(history('points'), async (c) => {
      const customer = currentCustomer(c)
      const page = c.req.valid('query')
      return c.json(await c.var.inMall((ctx) => ledgerPage(ctx, 'points', customer.id, page)), 200)
    })
    .openapi(history('balance'), async (c) => {
      const customer = currentCustomer(c)
      const page = c.req.valid('query')
      return c.json(await c.var.inMall((ctx) => ledgerPage(ctx, 'balance', customer.id, page)), 200)
    })
    .openapi(calendarRoute, async (c) => {
      const customer = currentCustomer(c)
      const { month } = c.req.valid('query')
      return c.json(await c.var.inMall((ctx) => calendar(ctx, customer.id, month)), 200)
    })
    .openapi(checkInRoute, async (c) => {
      const customer = currentCustomer(c)
      return c.json(await c.var.inMall((ctx) => checkIn(ctx, customer.id)), 201)
    })
    .openapi(makeUpRoute, async (c) => {
      const customer = currentCustomer(c)
      const { day } = c.req.valid('json')
      return c.json(await c.var.inMall((ctx) => makeUp(ctx, customer.id, day)), 201)
    })
    .openapi(birthdayRoute, async (c) => {
      const customer = currentCustomer(c)
      const { birthday } = c.req.valid('json')
      const view = await c.var.inMall(async (ctx) => {
        await setBirthday(ctx, customer.id, birthday)
        return memberView(ctx, customer.id)
      })
      return c.json(view, 200)
    })
    .openapi(cardRoute, async (c) => {
      const customer = currentCustomer(c)
      return c.json(await c.var.inMall((ctx) => cardState(ctx, customer.id)), 200)
    })
    .openapi(trialRoute, async (c) => {
      const customer = currentCustomer(c)
      return c.json(await c.var.inMall((ctx) => startTrial(ctx, customer.id)), 201)
    })
    .openapi(packagesRoute, async (c) => {
      return c.json({ items: await c.var.inMall((ctx) => listPackages(ctx)) }, 200)
    })
    .openapi(topUpRoute, async (c) => {
      const customer = currentCustomer(c)
      const key = c.req.valid('header')['idempotency-key']
      const { packageId } = c.req.valid('json')
      const result = await c.var.inMall((ctx) => createTopUp(ctx, customer.id, packageId, key))
      return c.json(result.topUp, result.created ? 201 : 200)
    })
}
