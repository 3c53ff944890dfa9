import type { ViewLoader } from '../../server/view-loader.ts'

/** What the checkout shell knows before the browser loads the customer's data. */
export interface CheckoutData {
  /** Whether the mall has the coupons plugin on: only then does the page ask for cart offers. */
  coupons: boolean
}

/** The shell of a personal page: the browser fetches its data after hydration. */
export const load: ViewLoader<CheckoutData> = async (ctx, request) => ({
  title: request.locale === 'en' ? 'Checkout' : '确认订单',
  // Asked here rather than by probing the store route, whose 404 would be a failed request.
  data: { coupons: await ctx.isEnabled('coupons') },
})
