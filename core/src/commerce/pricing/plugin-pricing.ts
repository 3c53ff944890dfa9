import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import type { AdjusterStage, PricingDraft } from '../../plugins/contract.ts'
import type { PluginHost } from '../../plugins/host.ts'
import { customerCartItems } from '../cart/cart-store.ts'
import { loadSkus } from '../inventory/skus.ts'
import { pricingDraftBefore } from './price-cart.ts'

/** Lines to preview: explicit items, or (when absent) the signed-in customer's cart. */
export interface DraftRequest {
  items?: readonly { skuId: string; quantity: number }[] | undefined
  /** The shipping fee to assume (a preview has no delivery choice yet); 0 by default. */
  shippingFee?: number | undefined
}

/**
 * What plugin routes may ask of checkout pricing (`c.var.pricing` on plugin routes): the cart as a
 * stage of the pipeline will see it, so a plugin can preview its offers ("coupons for this cart")
 * exactly as checkout will compute them.
 */
export interface PluginPricing {
  draftBefore(ctx: MallContext, stage: AdjusterStage, request: DraftRequest): Promise<PricingDraft>
}

/** The pricing tools for plugin routes, over the installed plugins. */
export function pluginPricing(plugins: PluginHost): PluginPricing {
  return {
    async draftBefore(ctx, stage, request) {
      const wanted = request.items ?? (await cartItems(ctx))
      const skus = await loadSkus(
        ctx,
        wanted.map((item) => item.skuId),
      )
      const lines = wanted.flatMap((item, i) => {
        const sku = skus.get(item.skuId)
        // Unknown or withdrawn SKUs are left out of a preview; checkout refuses them itself.
        if (!sku?.active) return []
        return [
          { id: `line-${i}`, skuId: item.skuId, quantity: item.quantity, unitPrice: sku.price },
        ]
      })
      const fee = request.shippingFee ?? 0
      return pricingDraftBefore(ctx, plugins, stage, {
        currency: ctx.tenant.currency,
        lines,
        shippingFeeFor: () => fee,
      })
    },
  }
}

function cartItems(ctx: MallContext) {
  if (ctx.actor.kind !== 'customer') throw new MallError('unauthenticated', 'Log in first')
  return customerCartItems(ctx, ctx.actor.id)
}
