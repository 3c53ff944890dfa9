import { Show } from 'solid-js'
import IconShoppingCart from '~icons/lucide/shopping-cart'
import { mallHref } from '../../shared/format.ts'
import { paths } from '../../shared/routes.ts'
import { cartCount } from '../session.ts'
import { useStorefront } from '../storefront-context.ts'
import './catalog-ui.css'

/**
 * A link to the cart with the number of items on it. The count is personal, so it appears only
 * once the browser knows it (`app/session.ts`); the server HTML shows the bare icon.
 */
export function CartLink(p: { class?: string }) {
  const store = useStorefront()
  const count = () => cartCount() ?? 0
  const label = () => {
    const en = store.locale === 'en'
    if (count() === 0) return en ? 'Cart' : '购物车'
    return en ? `Cart, ${count()} items` : `购物车，${count()} 件商品`
  }
  return (
    <a
      class={`mk-cart-link ${p.class ?? 'mk-bar__button'}`}
      href={mallHref(store.base, paths.cart())}
      aria-label={label()}
    >
      <IconShoppingCart aria-hidden="true" />
      <Show when={count() > 0}>
        <span class="mk-cart-link__badge" aria-hidden="true">
          {count() > 99 ? '99+' : count()}
        </span>
      </Show>
    </a>
  )
}
