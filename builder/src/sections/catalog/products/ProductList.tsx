import { createSignal, Show } from 'solid-js'
import IconPlus from '~icons/lucide/plus'
import { localized } from '../../../app/i18n.ts'
import { ListView } from '../../../kit/ListView.tsx'
import { formatMoney } from '../../../kit/money.ts'
import { thumbUrl } from '../../../kit/pickers/media-api.ts'
import type { SectionProps } from '../../section.ts'
import { catalogApi, type ProductStatus, type ProductSummary } from '../shared/catalog-api.ts'
import { CategorySelect } from '../shared/CategorySelect.tsx'
import { CsvActions } from './CsvActions.tsx'
import { productText } from './product-strings.ts'
import { StatusBadge } from './StatusBadge.tsx'

/** "¥59.00" or "¥59.00 – ¥69.00". */
export const priceRange = (min: number, max: number, currency: string) =>
  min === max
    ? formatMoney(min, currency)
    : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`

/** The mall's products: search, status and category filters, pages; a row opens the editor. */
export function ProductList(p: SectionProps) {
  const text = productText
  const [status, setStatus] = createSignal<ProductStatus | ''>('')
  const [categoryId, setCategoryId] = createSignal<string | null>(null)
  let list: { reload(): void } | undefined
  const open = (e: MouseEvent, path: string[]) => {
    e.preventDefault()
    p.go(path)
  }

  return (
    <div class="mk-cat">
      <ListView<ProductSummary>
        load={(query) => catalogApi.products(p.slug, query)}
        filters={{ status: status() || undefined, categoryId: categoryId() ?? undefined }}
        searchLabel={text().search}
        ref={(controls) => (list = controls)}
        toolbar={
          <div class="mk-cat-toolbar">
            <select
              aria-label={text().status}
              value={status()}
              onChange={(e) => setStatus(e.currentTarget.value as ProductStatus | '')}
            >
              <option value="">{text().anyStatus}</option>
              <option value="active">{text().active}</option>
              <option value="draft">{text().draft}</option>
              <option value="archived">{text().archived}</option>
            </select>
            <CategorySelect
              slug={p.slug}
              id="product-filter-category"
              label={text().category}
              value={categoryId()}
              onChange={setCategoryId}
              none={text().anyCategory}
            />
            <CsvActions slug={p.slug} onImported={() => list?.reload()} />
            <a
              class="ck-btn ck-btn--primary mk-cat-iconbtn"
              href={p.href(['new'])}
              onClick={(e) => open(e, ['new'])}
            >
              <IconPlus aria-hidden="true" />
              <span>{text().newProduct}</span>
            </a>
          </div>
        }
        empty={<p>{text().empty}</p>}
        head={
          <>
            <th>{text().product}</th>
            <th>{text().price}</th>
            <th class="ck-num">{text().stock}</th>
            <th>{text().status}</th>
          </>
        }
        row={(product) => (
          <>
            <td>
              <a
                class="mk-cat-product"
                href={p.href([product.id])}
                onClick={(e) => open(e, [product.id])}
              >
                <Show
                  when={product.image}
                  fallback={<span class="mk-cat-thumb mk-cat-thumb--none" />}
                >
                  {(image) => (
                    <img class="mk-cat-thumb" src={thumbUrl(image())} alt="" loading="lazy" />
                  )}
                </Show>
                <span>{localized(product.title) || text().untitled}</span>
              </a>
            </td>
            <td>{priceRange(product.priceMin, product.priceMax, product.currency)}</td>
            <td class="ck-num">
              <Show
                when={product.stock > 0}
                fallback={<span class="ck-badge mk-cat-out">{text().outOfStock}</span>}
              >
                {product.stock}
              </Show>
            </td>
            <td>
              <StatusBadge status={product.status} />
            </td>
          </>
        )}
      />
    </div>
  )
}
