import { pluginDb, type MallContext, type PricingDraft } from '@mallkit/core/plugin'
import { couponLines } from '../pricing/cart-lines.ts'
import { priceCoupon, type CouponQuote, type InapplicableReason } from '../pricing/coupon-rules.ts'
import type { CouponView } from './schemas.ts'
import type { CouponTables } from './tables.ts'

/** A customer's coupons (or one coupon) joined with what its template says. */
async function couponsOf(
  ctx: MallContext,
  customerId: string | null,
  onlyOpen: boolean,
  id?: string,
) {
  let query = pluginDb<CouponTables>(ctx)
    .selectFrom('coupons__coupon as c')
    .innerJoin('coupons__template as t', (j) =>
      j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.template_id'),
    )
    .select([
      'c.id',
      'c.template_id',
      'c.status',
      'c.valid_from',
      'c.valid_until',
      'c.source',
      'c.order_id',
      'c.created_at',
      't.name',
      't.benefit',
      't.scope',
      't.combinable_with_promotions',
    ])
    .where('c.tenant_id', '=', ctx.tenant.id)
  if (customerId) query = query.where('c.customer_id', '=', customerId)
  if (id) query = query.where('c.id', '=', id)
  if (onlyOpen) query = query.where('c.status', 'in', ['available', 'returned'])
  return query.orderBy('c.valid_until').orderBy('c.id').execute()
}

type CouponWithTemplate = Awaited<ReturnType<typeof couponsOf>>[number]

/** The state a customer sees: the stored status with time applied. */
function stateOf(coupon: CouponWithTemplate, now: Date): CouponView['state'] {
  if (coupon.status === 'used') return 'used'
  if (coupon.status === 'locked') return 'locked'
  if (coupon.status === 'expired' || coupon.valid_until <= now) return 'expired'
  if (coupon.valid_from > now) return 'not_yet_valid'
  return 'usable'
}

function view(coupon: CouponWithTemplate, now: Date): CouponView {
  return {
    id: coupon.id,
    templateId: coupon.template_id,
    name: coupon.name,
    benefit: coupon.benefit,
    scope: coupon.scope,
    combinableWithPromotions: coupon.combinable_with_promotions,
    state: stateOf(coupon, now),
    validFrom: coupon.valid_from.toISOString(),
    validUntil: coupon.valid_until.toISOString(),
    source: coupon.source,
    orderId: coupon.order_id,
  }
}

/** One coupon as its holder sees it. */
export async function couponById(ctx: MallContext, id: string): Promise<CouponView> {
  const [coupon] = await couponsOf(ctx, null, false, id)
  if (!coupon) throw new Error(`coupon ${id} vanished inside its own transaction`)
  return view(coupon, ctx.now())
}

/** "My coupons": usable (and not yet valid), used (and locked to an unpaid order), expired. */
export async function myCoupons(ctx: MallContext, customerId: string) {
  const now = ctx.now()
  const all = (await couponsOf(ctx, customerId, false)).map((c) => view(c, now))
  return {
    usable: all.filter((c) => c.state === 'usable' || c.state === 'not_yet_valid'),
    used: all.filter((c) => c.state === 'used' || c.state === 'locked'),
    expired: all.filter((c) => c.state === 'expired'),
  }
}

export type CartReason = InapplicableReason | 'expired' | 'not_yet_valid'

/** One of the customer's open coupons priced against a cart. */
export interface CartOffer {
  coupon: CouponView
  quote: CouponQuote
  /** Why it cannot be used on this cart, time first, then the cart. */
  reason: CartReason | null
}

/**
 * The customer's open coupons priced against the draft (the cart after member price and
 * promotions), usable ones first by saving, and the best one: the largest saving, ties to the
 * coupon that expires first.
 */
export async function offersFor(
  ctx: MallContext,
  customerId: string,
  draft: Pick<PricingDraft, 'currency' | 'lines' | 'adjustments' | 'shippingFee'>,
): Promise<{ offers: CartOffer[]; best: CartOffer | null }> {
  const now = ctx.now()
  const lines = couponLines(draft)
  const offers = (await couponsOf(ctx, customerId, true)).map((coupon): CartOffer => {
    const quote = priceCoupon(
      {
        benefit: coupon.benefit,
        scope: coupon.scope,
        combinableWithPromotions: coupon.combinable_with_promotions,
      },
      lines,
      draft.shippingFee,
    )
    const state = stateOf(coupon, now)
    const reason: CartReason | null =
      state === 'expired' || state === 'not_yet_valid'
        ? state
        : quote.applicable
          ? null
          : quote.reason
    return { coupon: view(coupon, now), quote, reason }
  })
  const saving = (offer: CartOffer) =>
    offer.reason === null && offer.quote.applicable ? offer.quote.saving : -1
  // Stable: among equal savings, the earlier-expiring coupon (the query's order) comes first.
  offers.sort((a, b) => saving(b) - saving(a))
  const [first] = offers
  return { offers, best: first && saving(first) > 0 ? first : null }
}
