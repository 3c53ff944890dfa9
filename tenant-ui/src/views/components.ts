import type { ViewComponent } from '../app/App.tsx'
import type { ViewKind } from '../shared/routes.ts'
import AccountView from './account/AccountView.tsx'
import AddressesView from './addresses/AddressesView.tsx'
import CartView from './cart/CartView.tsx'
import CategoriesView from './categories/CategoriesView.tsx'
import CategoryView from './category/CategoryView.tsx'
import CheckoutView from './checkout/CheckoutView.tsx'
import LoginView from './login/LoginView.tsx'
import NotFoundView from './not-found/NotFoundView.tsx'
import OrderView from './order/OrderView.tsx'
import OrdersView from './orders/OrdersView.tsx'
import PageView from './page/PageView.tsx'
import PayView from './pay/PayView.tsx'
import ProductView from './product/ProductView.tsx'
import RegisterView from './register/RegisterView.tsx'
import SearchView from './search/SearchView.tsx'

/**
 * Every view's component, for the server bundle (the browser loads them one by one through
 * `registry.client.ts`). Each lives at
 * `viewModule(kind)`.
 */
export const viewComponents: Record<ViewKind, ViewComponent> = {
  page: PageView,
  'not-found': NotFoundView,
  categories: CategoriesView,
  category: CategoryView,
  search: SearchView,
  product: ProductView,
  cart: CartView,
  checkout: CheckoutView,
  pay: PayView,
  orders: OrdersView,
  order: OrderView,
  account: AccountView,
  addresses: AddressesView,
  login: LoginView,
  register: RegisterView,
}
