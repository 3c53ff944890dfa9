import { z } from '@hono/zod-openapi'
import { CouponBenefit, CouponScope } from '../pricing/coupon-rules.ts'

/** A code customers type to claim a coupon: 4–32 letters, digits or dashes, case-insensitive. */
export const CouponCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,32}$/, '4 to 32 letters, digits or dashes')

/** When a claimed coupon can be used: a fixed window, or N days from the claim. */
export const Validity = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('window'), from: z.iso.datetime(), until: z.iso.datetime() })
    .refine((v) => Date.parse(v.until) > Date.parse(v.from), {
      message: 'must be after from',
      path: ['until'],
    }),
  z.object({ kind: z.literal('relative'), days: z.number().int().min(1).max(3650) }),
])
export type Validity = z.infer<typeof Validity>

export const AudienceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }),
  z.object({ kind: z.literal('new_customers') }),
  z.object({ kind: z.literal('segment'), segment: z.string().trim().min(1).max(100) }),
])
export type AudienceInput = z.infer<typeof AudienceInput>

const ScopeInput = CouponScope.superRefine((scope, ctx) => {
  if (scope.kind === 'categories' && scope.categoryIds.length === 0)
    ctx.addIssue({ code: 'custom', path: ['categoryIds'], message: 'name at least one category' })
  if (scope.kind === 'products' && scope.productIds.length === 0)
    ctx.addIssue({ code: 'custom', path: ['productIds'], message: 'name at least one product' })
})

/** A coupon template as staff create it. */
export const TemplateInput = z
  .object({
    name: z.string().trim().min(1).max(60),
    description: z.string().trim().max(500).default(''),
    benefit: CouponBenefit,
    scope: ScopeInput.default({
      kind: 'all',
      categoryIds: [],
      productIds: [],
      excludedProductIds: [],
    }),
    validity: Validity,
    /** How many can be claimed or issued in all; null for no limit. */
    totalQuantity: z.number().int().min(1).max(10_000_000).nullable().default(null),
    perCustomerLimit: z.number().int().min(1).max(100).default(1),
    audience: AudienceInput.default({ kind: 'everyone' }),
    /** Listed in the claim centre; otherwise only codes, staff and events hand it out. */
    public: z.boolean().default(true),
    combinableWithPromotions: z.boolean().default(false),
    codes: z.array(CouponCode).max(20).default([]),
    /** `live` publishes at once. */
    status: z.enum(['draft', 'live']).default('draft'),
  })
  .openapi('CouponTemplateInput')
export type TemplateInput = z.infer<typeof TemplateInput>

/**
 * An edit. Before anything was claimed, any field may change; afterwards only what cannot hurt
 * holders: wording, listing, more quantity, a higher per-customer limit, a later end, more codes.
 */
export const TemplateEdit = z
  .object({
    name: z.string().trim().min(1).max(60),
    description: z.string().trim().max(500),
    benefit: CouponBenefit,
    scope: ScopeInput,
    validity: Validity,
    totalQuantity: z.number().int().min(1).max(10_000_000).nullable(),
    perCustomerLimit: z.number().int().min(1).max(100),
    audience: AudienceInput,
    public: z.boolean(),
    combinableWithPromotions: z.boolean(),
    codes: z.array(CouponCode).max(20),
  })
  .partial()
  .openapi('CouponTemplateEdit')
export type TemplateEdit = z.infer<typeof TemplateEdit>

export const TemplateView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    benefit: CouponBenefit,
    scope: CouponScope,
    validity: Validity,
    totalQuantity: z.number().int().nullable(),
    issued: z.number().int(),
    remaining: z.number().int().nullable(),
    perCustomerLimit: z.number().int(),
    audience: AudienceInput,
    public: z.boolean(),
    combinableWithPromotions: z.boolean(),
    codes: z.array(z.string()),
    status: z.enum(['draft', 'live', 'paused', 'ended']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CouponTemplate')
export type TemplateView = z.infer<typeof TemplateView>

/** A template as the claim centre shows it to everyone. */
export const OfferView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    benefit: CouponBenefit,
    scope: CouponScope,
    validity: Validity,
    totalQuantity: z.number().int().nullable(),
    remaining: z.number().int().nullable(),
    perCustomerLimit: z.number().int(),
    audience: z.enum(['everyone', 'new_customers', 'segment']),
  })
  .openapi('CouponOffer')
export type OfferView = z.infer<typeof OfferView>

/** A customer's coupon. `state` is the status with time applied (an unused past coupon is expired). */
export const CouponView = z
  .object({
    id: z.uuid(),
    templateId: z.uuid(),
    name: z.string(),
    benefit: CouponBenefit,
    scope: CouponScope,
    combinableWithPromotions: z.boolean(),
    state: z.enum(['usable', 'not_yet_valid', 'locked', 'used', 'expired']),
    validFrom: z.string(),
    validUntil: z.string(),
    source: z.enum(['claim', 'code', 'staff', 'event']),
    orderId: z.uuid().nullable(),
  })
  .openapi('Coupon')
export type CouponView = z.infer<typeof CouponView>

export const Report = z
  .object({
    templateId: z.uuid(),
    claimed: z.number().int(),
    locked: z.number().int(),
    used: z.number().int(),
    returned: z.number().int(),
    /** used ÷ claimed, 0 when nothing was claimed. */
    redemptionRate: z.number(),
    /** Σ discount of used coupons, minor units. */
    discountGiven: z.number().int(),
    /** Σ totals of the paid orders that used it, minor units. */
    orderValue: z.number().int(),
    currency: z.string(),
  })
  .openapi('CouponReport')
export type Report = z.infer<typeof Report>

/** The checkout body's `selections.coupons`: the coupon chosen, or null for none. */
export const CouponSelection = z.object({ couponId: z.uuid().nullable() })
export type CouponSelection = z.infer<typeof CouponSelection>
