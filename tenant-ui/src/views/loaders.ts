import type { ViewKind } from '../shared/routes.ts'
import type { ViewLoader } from '../server/view-loader.ts'
import { load as loadAccount } from './account/load.ts'
import { load as loadAddresses } from './addresses/load.ts'
import { load as loadCart } from './cart/load.ts'
import { load as loadCategories } from './categories/load.ts'
import { load as loadCategory } from './category/load.ts'
import { load as loadCheckout } from './checkout/load.ts'
import { load as loadLogin } from './login/load.ts'
import { load as loadOrder } from './order/load.ts'
import { load as loadOrders } from './orders/load.ts'
import { load as loadPay } from './pay/load.ts'
import { load as loadProduct } from './product/load.ts'
import { load as loadRegister } from './register/load.ts'
import { load as loadSearch } from './search/load.ts'

/**
 * The server data loader of every storefront view (run by Node, never bundled for the browser).
 * Published pages and the not-found page have none: the page renderer loads their blocks.
 */
// Each loader types its own data; the view's component receives exactly that.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const viewLoaders: Record<Exclude<ViewKind, 'page' | 'not-found'>, ViewLoader<any>> = {
  categories: loadCategories,
  category: loadCategory,
  search: loadSearch,
  product: loadProduct,
  cart: loadCart,
  checkout: loadCheckout,
  pay: loadPay,
  orders: loadOrders,
  order: loadOrder,
  account: loadAccount,
  addresses: loadAddresses,
  login: loadLogin,
  register: loadRegister,
}
