import { enabledPluginIds } from '../../../../core/src/page-store/enabled-plugins.ts'
import type { ViewLoader } from '../../server/view-loader.ts'

/** What the checkout shell knows before the browser loads the customer's data. */
export interface CheckoutData {
  /** The plugins on for the mall: only theirs of the installed checkout sections show. */
  plugins: string[]
}

/** The shell of a personal page: the browser fetches its data after hydration. */
export const load: ViewLoader<CheckoutData> = async (ctx, request) => ({
  title: request.locale === 'en' ? 'Checkout' : '确认订单',
  // Asked here rather than by probing the plugins' routes, whose 404s would be failed requests.
  data: { plugins: [...(await enabledPluginIds(ctx))].sort() },
})
