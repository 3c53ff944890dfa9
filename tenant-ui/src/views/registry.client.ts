import type { ViewComponent } from '../app/App.tsx'
import type { ViewKind } from '../shared/routes.ts'

/**
 * The browser's views, each its own chunk loaded before hydration (the server preloads the one a
 * page needs). Published pages (`page`) are in the entry chunk: the home page never waits.
 */
export const clientViews: Record<
  Exclude<ViewKind, 'page'>,
  () => Promise<{ default: ViewComponent }>
> = {
  'not-found': () => import('./not-found/NotFoundView.tsx'),
  categories: () => import('./categories/CategoriesView.tsx'),
  category: () => import('./category/CategoryView.tsx'),
  search: () => import('./search/SearchView.tsx'),
  product: () => import('./product/ProductView.tsx'),
  cart: () => import('./cart/CartView.tsx'),
  checkout: () => import('./checkout/CheckoutView.tsx'),
  pay: () => import('./pay/PayView.tsx'),
  orders: () => import('./orders/OrdersView.tsx'),
  order: () => import('./order/OrderView.tsx'),
  account: () => import('./account/AccountView.tsx'),
  addresses: () => import('./addresses/AddressesView.tsx'),
  login: () => import('./login/LoginView.tsx'),
  register: () => import('./register/RegisterView.tsx'),
}
