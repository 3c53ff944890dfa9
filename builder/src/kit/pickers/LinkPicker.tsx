import {
  createEffect,
  createResource,
  createSignal,
  createUniqueId,
  For,
  Match,
  on,
  Show,
  Switch,
} from 'solid-js'
import { api, mallApi } from '../../app/api.ts'
import { localized, messages } from '../../app/i18n.ts'
import { CategoryPicker } from './CategoryPicker.tsx'
import { ProductPicker } from './ProductPicker.tsx'
import './ChoicePicker.css'

const text = messages({
  en: {
    kind: (label: string) => `${label}: links to`,
    none: 'Nothing',
    page: 'A page',
    product: 'A product',
    category: 'A category',
    external: 'A web address',
    pickPage: 'Page',
    pickProduct: 'Product',
    pickCategory: 'Category',
    url: 'Address (https://…)',
    badUrl: 'An https:// address without spaces, like https://example.com/promo',
    home: 'Home page',
    categories: 'All categories',
    search: 'Search',
    cart: 'Cart',
    orders: 'My orders',
    account: 'My account',
    current: (path: string) => `Current: ${path}`,
  },
  'zh-CN': {
    kind: (label) => `${label}：链接到`,
    none: '无',
    page: '页面',
    product: '商品',
    category: '分类',
    external: '网址',
    pickPage: '页面',
    pickProduct: '商品',
    pickCategory: '分类',
    url: '网址（https://…）',
    badUrl: '请输入不含空格的 https:// 网址，如 https://example.com/promo',
    home: '首页',
    categories: '全部分类',
    search: '搜索',
    cart: '购物车',
    orders: '我的订单',
    account: '我的',
    current: (path) => `当前：${path}`,
  },
})

type Kind = 'none' | 'page' | 'product' | 'category' | 'external'
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const PRODUCT = new RegExp(`^/products/(${UUID})$`, 'i')
const CATEGORY = new RegExp(`^/categories/(${UUID})$`, 'i')
/** What the storefront's blocks accept as an outside link (tenant-ui's `MallLink`): https only. */
export const EXTERNAL_URL = /^https:\/\/[^/\\\s][^\s\\]*$/

/** What kind of link a block's link value is, as the picker shows it. */
export function linkKind(value: string | undefined): Kind {
  if (!value) return 'none'
  if (PRODUCT.test(value)) return 'product'
  if (CATEGORY.test(value)) return 'category'
  return value.startsWith('/') ? 'page' : 'external'
}

/**
 * A block's link, in the storefront blocks' format: a mall path (`/summer-sale`,
 * `/products/{id}`, `/categories/{id}`) or an https URL. The merchant picks a page of the mall, a
 * product, a category, or types an address; an address that is not https stays in the box with
 * the message beside it and never reaches the block.
 */
export function LinkPicker(p: {
  slug: string
  value: string | undefined
  onChange: (link: string | undefined) => void
  label: string
  id?: string
  /** Whether "nothing" is allowed (the link prop is optional). */
  optional?: boolean
}) {
  const id = p.id ?? createUniqueId()
  const [kind, setKind] = createSignal<Kind>(linkKind(p.value))
  const [typed, setTyped] = createSignal(linkKind(p.value) === 'external' ? (p.value ?? '') : '')
  // Undo or a rollback changed the link: follow it.
  createEffect(
    on(
      () => p.value,
      (value) => {
        if (value === undefined) return
        setKind(linkKind(value))
        if (linkKind(value) === 'external') setTyped(value)
      },
      { defer: true },
    ),
  )
  const [pages] = createResource(
    () => (kind() === 'page' ? p.slug : undefined),
    (slug) =>
      api<{ items: { path: string; title: Record<string, string> }[] }>(mallApi(slug, '/pages')),
  )
  const builtIn = () => [
    { path: '/', name: text().home },
    { path: '/categories', name: text().categories },
    { path: '/search', name: text().search },
    { path: '/cart', name: text().cart },
    { path: '/orders', name: text().orders },
    { path: '/account', name: text().account },
  ]
  const pageOptions = () => {
    const own = (pages()?.items ?? [])
      .filter((page) => page.path !== '/')
      .map((page) => ({ path: page.path, name: `${localized(page.title) || page.path}` }))
    const all = [...builtIn(), ...own]
    const value = p.value
    if (kind() === 'page' && value && !all.some((o) => o.path === value))
      all.unshift({ path: value, name: text().current(value) })
    return all
  }
  const match = (pattern: RegExp) => (p.value && pattern.exec(p.value)?.[1]) || undefined
  const changeKind = (next: Kind) => {
    setKind(next)
    if (next === 'none') p.onChange(undefined)
    if (next === 'page') p.onChange('/')
  }
  const badUrl = () => kind() === 'external' && typed() !== '' && !EXTERNAL_URL.test(typed())
  const kinds = (): Kind[] => [
    ...(p.optional ? (['none'] as const) : []),
    ...(['page', 'product', 'category', 'external'] as const),
  ]
  return (
    <fieldset class="ck-pick ck-field__pair">
      <legend class="ck-field__label">{p.label}</legend>
      <select
        id={id}
        aria-label={text().kind(p.label)}
        value={kind()}
        onChange={(e) => changeKind(e.currentTarget.value as Kind)}
      >
        <For each={kinds()}>{(k) => <option value={k}>{text()[k]}</option>}</For>
      </select>
      <Switch>
        <Match when={kind() === 'page'}>
          <label>
            <span class="ck-field__label">{text().pickPage}</span>
            <select
              value={p.value ?? '/'}
              aria-label={`${p.label}: ${text().pickPage}`}
              onChange={(e) => p.onChange(e.currentTarget.value)}
            >
              <For each={pageOptions()}>
                {(o) => (
                  <option value={o.path}>
                    {o.name} ({o.path})
                  </option>
                )}
              </For>
            </select>
          </label>
        </Match>
        <Match when={kind() === 'product'}>
          <ProductPicker
            slug={p.slug}
            label={`${p.label}: ${text().pickProduct}`}
            value={match(PRODUCT) ? [match(PRODUCT)!] : []}
            onChange={(ids) => p.onChange(ids[0] ? `/products/${ids[0]}` : undefined)}
          />
        </Match>
        <Match when={kind() === 'category'}>
          <CategoryPicker
            slug={p.slug}
            label={`${p.label}: ${text().pickCategory}`}
            value={match(CATEGORY) ? [match(CATEGORY)!] : []}
            onChange={(ids) => p.onChange(ids[0] ? `/categories/${ids[0]}` : undefined)}
          />
        </Match>
        <Match when={kind() === 'external'}>
          <label>
            <span class="ck-field__label">{text().url}</span>
            <input
              type="url"
              inputmode="url"
              placeholder="https://"
              value={typed()}
              aria-invalid={badUrl()}
              aria-describedby={`${id}-url-error`}
              onInput={(e) => {
                const value = e.currentTarget.value.trim()
                setTyped(value)
                if (value === '') p.onChange(undefined)
                else if (EXTERNAL_URL.test(value) && value.length <= 500) p.onChange(value)
              }}
            />
          </label>
          <Show when={badUrl()}>
            <span class="ck-error" id={`${id}-url-error`} role="alert">
              {text().badUrl}
            </span>
          </Show>
        </Match>
      </Switch>
    </fieldset>
  )
}
