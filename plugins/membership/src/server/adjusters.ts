import type {
  MallContext,
  PriceAdjuster,
  PriceAdjustment,
  PricingDraft,
} from '@mallkit/core/plugin'
import { manifest, type MembershipSettings } from '../manifest.ts'
import { hasActiveCard } from './card.ts'
import { membershipError } from './errors.ts'
import { readAccount } from './ledger.ts'
import { takeForOrder } from './order-ledger.ts'
import type { MembershipSelection } from './schemas.ts'
import { tierOf } from './tiers.ts'
import { topUpSkus } from './top-up-orders.ts'

const field = (name: keyof MembershipSelection) => `body.selections.membership.${name}`

/**
 * What is left of the goods after the stages before (shipping adjustments aside), leaving out the
 * lines of `excluded` SKUs (top-ups: stored value and points never pay for stored value).
 */
function goodsLeft(draft: PricingDraft, excluded: ReadonlySet<string> = new Set()): number {
  const out = new Set(draft.lines.filter((l) => excluded.has(l.skuId)).map((l) => l.id))
  const subtotal = draft.lines
    .filter((line) => !out.has(line.id))
    .reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
  const discounts = draft.adjustments
    .filter((a) => a.target !== 'shipping' && !(a.lineId && out.has(a.lineId)))
    .reduce((sum, a) => sum + a.amount, 0)
  return Math.max(0, subtotal + discounts)
}

/** "95折", "9折": how a percent off reads in Chinese. */
function zhDiscount(percent: number): string {
  const left = 100 - percent
  return `${left % 10 === 0 ? left / 10 : left}折`
}

async function customerTier(ctx: MallContext, settings: MembershipSettings, customerId: string) {
  const account = await readAccount(ctx, customerId)
  return tierOf(settings, account?.tier ?? '')
}

/**
 * The member-price stage: the tier's percent off every line (rounded down), the paid member
 * card's percent on top while the card is valid, and free shipping once the goods reach the
 * tier's threshold.
 */
export const memberPriceAdjuster: PriceAdjuster = {
  name: 'member-price',
  stage: 'member-price',
  async adjust(ctx, draft) {
    if (!draft.customerId) return []
    const settings = await ctx.settingsOf(manifest)
    const tier = await customerTier(ctx, settings, draft.customerId)
    const adjustments: PriceAdjustment[] = []
    const percent = tier.discountPercent
    // Top-ups are sold at face value: no member price on stored value.
    const topUps = await topUpSkus(ctx)
    const lines = draft.lines.filter((line) => !topUps.has(line.skuId))
    if (percent > 0)
      for (const line of lines) {
        const off = Math.floor((line.unitPrice * line.quantity * percent) / 100)
        if (off > 0)
          adjustments.push({
            code: 'member-price',
            amount: -off,
            lineId: line.id,
            reason: {
              en: `${tier.name.en} member price: ${percent}% off`,
              'zh-CN': `${tier.name['zh-CN']}专享价：${zhDiscount(percent)}`,
            },
            ref: tier.id,
          })
      }
    // The paid card's discount comes on top, on what the tier's left of each line.
    const card = settings.card
    if (card.enabled && card.discountPercent > 0 && (await hasActiveCard(ctx, draft.customerId)))
      for (const line of lines) {
        const tierOff = adjustments
          .filter((a) => a.lineId === line.id)
          .reduce((sum, a) => sum - a.amount, 0)
        const left = line.unitPrice * line.quantity - tierOff
        const off = Math.floor((left * card.discountPercent) / 100)
        if (off > 0)
          adjustments.push({
            code: 'member-card',
            amount: -off,
            lineId: line.id,
            reason: {
              en: `Member card: ${card.discountPercent}% off`,
              'zh-CN': `会员卡：${zhDiscount(card.discountPercent)}`,
            },
          })
      }
    const threshold = tier.freeShippingThreshold
    const goods = goodsLeft(draft, topUps) - adjustments.reduce((sum, a) => sum - a.amount, 0)
    if (threshold !== null && draft.shippingFee > 0 && goods >= threshold)
      adjustments.push({
        code: 'member-free-shipping',
        amount: -draft.shippingFee,
        target: 'shipping',
        reason: {
          en: `Free shipping for ${tier.name.en} members`,
          'zh-CN': `${tier.name['zh-CN']}包邮`,
        },
        ref: tier.id,
      })
    return adjustments
  },
}

/**
 * The points stage: the points the buyer chose (`selections.membership.points`) at the mall's
 * rate, capped at the share of the goods the mall allows. Placing the order takes the points
 * (a second order racing for the same points is refused); cancelling or refunding gives them back.
 */
export const pointsAdjuster: PriceAdjuster = {
  name: 'points',
  stage: 'points',
  async adjust(ctx, draft) {
    const selection = draft.selection as MembershipSelection | undefined
    if (!draft.customerId || !selection?.points) return []
    const { redemption } = await ctx.settingsOf(manifest)
    if (!redemption.enabled)
      throw membershipError('not_enabled', 'Points cannot pay for orders in this mall', {
        errors: [{ field: field('points'), message: 'points redemption is off' }],
      })
    const available = (await readAccount(ctx, draft.customerId))?.points ?? 0
    if (selection.points > available)
      throw membershipError('insufficient_points', `You have ${available} points`, {
        errors: [{ field: field('points'), message: `at most ${available}` }],
      })
    const cap = Math.floor(
      (goodsLeft(draft, await topUpSkus(ctx)) * redemption.maxSharePercent) / 100,
    )
    const value = Math.min(Math.floor((selection.points * 100) / redemption.pointsPerYuan), cap)
    if (value <= 0) return []
    const points = pointsFor(value, redemption.pointsPerYuan)
    return [
      {
        code: 'points',
        amount: -value,
        reason: { en: `${points} points`, 'zh-CN': `积分抵扣（${points} 积分）` },
      },
    ]
  },
  async place(ctx, placed) {
    const value = placed.adjustments.reduce((sum, a) => sum - a.amount, 0)
    if (value <= 0) return
    const { redemption } = await ctx.settingsOf(manifest)
    await takeForOrder(ctx, 'points', {
      customerId: placed.customerId,
      orderId: placed.orderId,
      amount: pointsFor(value, redemption.pointsPerYuan),
    })
  },
}

/** The points worth `value` minor units (rounded up: the buyer never gets a fraction free). */
function pointsFor(value: number, pointsPerYuan: number): number {
  return Math.ceil((value * pointsPerYuan) / 100)
}

/**
 * The stored-value stage: pays what the buyer chose (`selections.membership.storedValue`, minor
 * units) from their balance, goods first, then shipping, up to the whole order (top-up lines
 * aside: stored value never buys stored value): an order the
 * balance (or points and balance) pays entirely is settled by the core at placement. Placing the
 * order takes the balance; cancelling or refunding gives it back.
 */
export const storedValueAdjuster: PriceAdjuster = {
  name: 'stored-value',
  stage: 'stored-value',
  async adjust(ctx, draft) {
    const selection = draft.selection as MembershipSelection | undefined
    if (!draft.customerId || !selection?.storedValue) return []
    const { storedValue } = await ctx.settingsOf(manifest)
    if (!storedValue.enabled)
      throw membershipError('not_enabled', 'Stored value cannot pay for orders in this mall', {
        errors: [{ field: field('storedValue'), message: 'stored value is off' }],
      })
    const balance = (await readAccount(ctx, draft.customerId))?.balance ?? 0
    if (selection.storedValue > balance)
      throw membershipError('insufficient_balance', `Your balance is ${balance}`, {
        errors: [{ field: field('storedValue'), message: `at most ${balance}` }],
      })
    const topUps = await topUpSkus(ctx)
    const goods = goodsLeft(draft, topUps)
    // Never for top-ups (no loops): an order of top-ups only does not pay its shipping either.
    const shipping = draft.lines.some((line) => !topUps.has(line.skuId)) ? draft.shippingFee : 0
    const amount = Math.min(selection.storedValue, goods + shipping)
    if (amount <= 0) return []
    const onGoods = Math.min(amount, goods)
    const reason = { en: 'Paid from balance', 'zh-CN': '余额支付' }
    const adjustments: PriceAdjustment[] = []
    if (onGoods > 0) adjustments.push({ code: 'stored-value', amount: -onGoods, reason })
    if (amount > onGoods)
      adjustments.push({
        code: 'stored-value-shipping',
        amount: onGoods - amount,
        target: 'shipping',
        reason,
      })
    return adjustments
  },
  async place(ctx, placed) {
    const amount = placed.adjustments.reduce((sum, a) => sum - a.amount, 0)
    if (amount <= 0) return
    await takeForOrder(ctx, 'balance', {
      customerId: placed.customerId,
      orderId: placed.orderId,
      amount,
    })
  },
}
