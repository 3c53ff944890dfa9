/**
 * The storefront's own pages and their paths inside a mall. Anything else is a published page
 * (home, custom pages) or not found. Shared by the server (which view renders) and the browser
 * (links), so a path is spelled in one place.
 */
export type ViewKind =
  | 'page'
  | 'categories'
  | 'category'
  | 'search'
  | 'product'
  | 'cart'
  | 'checkout'
  | 'pay'
  | 'orders'
  | 'order'
  | 'account'
  | 'addresses'
  | 'login'
  | 'register'
  | 'not-found'

/** A storefront path matched to its view, with the path's parameters. */
export interface RouteMatch {
  kind: ViewKind
  params: Record<string, string>
}

const ID = '([0-9a-f-]{36})'
const ROUTES: readonly [RegExp, ViewKind, ...string[]][] = [
  [/^\/categories$/, 'categories'],
  [new RegExp(`^/categories/${ID}$`), 'category', 'categoryId'],
  [/^\/search$/, 'search'],
  [new RegExp(`^/products/${ID}$`), 'product', 'productId'],
  [/^\/cart$/, 'cart'],
  [/^\/checkout$/, 'checkout'],
  [new RegExp(`^/orders/${ID}/pay$`), 'pay', 'orderId'],
  [/^\/orders$/, 'orders'],
  [new RegExp(`^/orders/${ID}$`), 'order', 'orderId'],
  [/^\/account$/, 'account'],
  [/^\/account\/addresses$/, 'addresses'],
  [/^\/login$/, 'login'],
  [/^\/register$/, 'register'],
]

/** The first path segments the storefront's own pages use; no page may be published under them. */
const OWN_PREFIXES = [
  'categories',
  'search',
  'products',
  'cart',
  'checkout',
  'orders',
  'account',
  'login',
  'register',
]

/** Whether `path` (inside the mall, no trailing slash) belongs to the storefront's own pages. */
export function isOwnPath(path: string): boolean {
  const first = path.split('/')[1] ?? ''
  return OWN_PREFIXES.includes(first)
}

/** The storefront view at `path`, or null (a published page or nothing). */
export function matchRoute(path: string): RouteMatch | null {
  for (const [pattern, kind, ...names] of ROUTES) {
    const found = pattern.exec(path)
    if (found)
      return { kind, params: Object.fromEntries(names.map((name, i) => [name, found[i + 1]!])) }
  }
  return null
}

/** Paths of the storefront's own pages, inside the mall (prefix with `mallHref`). */
export const paths = {
  home: () => '/',
  categories: () => '/categories',
  category: (id: string) => `/categories/${id}`,
  search: (q?: string) => (q ? `/search?q=${encodeURIComponent(q)}` : '/search'),
  product: (id: string) => `/products/${id}`,
  cart: () => '/cart',
  /** The checkout of the cart, or of one SKU and quantity (buy now). */
  checkout: (buyNow?: { sku: string; qty: number }) =>
    buyNow ? `/checkout?sku=${encodeURIComponent(buyNow.sku)}&qty=${buyNow.qty}` : '/checkout',
  pay: (orderId: string) => `/orders/${orderId}/pay`,
  orders: () => '/orders',
  order: (id: string) => `/orders/${id}`,
  account: () => '/account',
  addresses: () => '/account/addresses',
  /** The login page, returning to `next` (a path inside the mall) afterwards. */
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  register: (next?: string) => (next ? `/register?next=${encodeURIComponent(next)}` : '/register'),
}

/**
 * The source module of a view's component (`src/views/product/ProductView.tsx`): the key of its
 * chunk in the Vite manifest.
 */
export const viewModule = (kind: ViewKind): string =>
  `src/views/${kind}/${kind.replace(/(^|-)([a-z])/g, (_, _dash: string, ch: string) => ch.toUpperCase())}View.tsx`
