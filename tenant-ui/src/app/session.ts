import { createSignal } from 'solid-js'
import { storeApi } from '../shared/api.ts'

/** The logged-in customer as `/api/store/me` answers. */
export interface Customer {
  id: string
  email: string | null
  phone: string | null
  name: string
}

/**
 * The personal parts of the storefront, filled in by the browser after hydration so the server
 * HTML (which is cached and shared) never holds one customer's data. `undefined` while not yet
 * known (on the server, and until the first answer), `null` for a guest.
 */
const [customer, setCustomer] = createSignal<Customer | null | undefined>(undefined)
const [cartCount, setCartCount] = createSignal<number | undefined>(undefined)

export { customer, cartCount, setCustomer }

/** Sets the cart badge from a cart the page already fetched (sum of quantities). */
export function setCartFrom(cart: { lines: readonly { quantity: number }[] }): void {
  setCartCount(cart.lines.reduce((sum, line) => sum + line.quantity, 0))
}

let sessionLoaded: Promise<void> | undefined

/**
 * Asks the server who is logged in and how full the cart is (`/api/store/session`, 200 for guests
 * too), once per page: the entry calls it after hydration, and personal pages await the same
 * promise instead of asking again. A failure leaves both unknown.
 */
export function loadSession(base: string): Promise<void> {
  return (sessionLoaded ??= fetchSession(base))
}

async function fetchSession(base: string): Promise<void> {
  try {
    const session = await storeApi<{ customer: Customer | null; cartQuantity: number }>(
      base,
      '/session',
    )
    setCustomer(session.customer)
    setCartCount(session.cartQuantity)
  } catch {
    // The page works without its personal parts; views that need the customer ask again.
  }
}
