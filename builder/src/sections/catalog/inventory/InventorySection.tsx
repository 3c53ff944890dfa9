import { createSignal, Show } from 'solid-js'
import { localized } from '../../../app/i18n.ts'
import { navigate, routePath, type Route } from '../../../app/router.ts'
import { ListView } from '../../../kit/ListView.tsx'
import { formatMoney } from '../../../kit/money.ts'
import { mallAccess } from '../../../app/mall-access.ts'
import type { SectionProps } from '../../section.ts'
import { catalogApi, type InventoryItem } from '../shared/catalog-api.ts'
import '../shared/catalog.css'
import { inventoryText } from './inventory-strings.ts'
import { StockAdjust } from './StockAdjust.tsx'

/** Every SKU's stock, lowest first, with a low-stock filter and stock adjustments with a reason. */
export default function InventorySection(p: SectionProps) {
  const text = inventoryText
  const access = mallAccess(p.slug)
  const [lowOnly, setLowOnly] = createSignal(false)
  const [threshold, setThreshold] = createSignal(5)
  const currency = () => access()?.mall.currency ?? 'CNY'
  const productRoute = (id: string): Route => ({
    screen: 'section',
    slug: p.slug,
    section: 'products',
    path: [id],
  })
  const skuName = (item: InventoryItem) =>
    item.specNames.map((name) => item.spec[name] ?? '').join(' / ') || text().defaultSku

  return (
    <div class="mk-cat">
      <ListView<InventoryItem>
        load={(query) => catalogApi.inventory(p.slug, query)}
        filters={{ lowStock: lowOnly() ? String(threshold()) : undefined }}
        searchLabel={text().search}
        toolbar={
          <div class="mk-cat-toolbar">
            <label class="ck-switch">
              <input
                type="checkbox"
                checked={lowOnly()}
                onChange={(e) => setLowOnly(e.currentTarget.checked)}
              />
              <span>{text().lowOnly}</span>
            </label>
            <label class="mk-cat-inline">
              <span>{text().threshold}</span>
              <input
                type="number"
                min="0"
                class="mk-cat-narrow"
                value={threshold()}
                onChange={(e) => {
                  const value = Number(e.currentTarget.value)
                  if (Number.isInteger(value) && value >= 0) setThreshold(value)
                }}
              />
            </label>
          </div>
        }
        empty={<p>{text().empty}</p>}
        head={
          <>
            <th>{text().product}</th>
            <th>{text().sku}</th>
            <th>{text().code}</th>
            <th class="ck-num">{text().price}</th>
            <th class="ck-num">{text().stock}</th>
            <th>
              <span class="ck-sr">{text().adjust}</span>
            </th>
          </>
        }
        row={(item) => (
          <>
            <td>
              <a
                href={routePath(productRoute(item.productId))}
                onClick={(e) => {
                  e.preventDefault()
                  navigate(productRoute(item.productId))
                }}
              >
                {localized(item.productTitle)}
              </a>
            </td>
            <td>{skuName(item)}</td>
            <td>
              <Show when={item.code} fallback={<span class="ck-muted">—</span>}>
                <code>{item.code}</code>
              </Show>
            </td>
            <td class="ck-num">{formatMoney(item.price, currency())}</td>
            <StockAdjust
              slug={p.slug}
              skuId={item.skuId}
              name={`${localized(item.productTitle)} ${skuName(item)}`}
              stock={item.stock}
              low={threshold()}
            />
          </>
        )}
      />
    </div>
  )
}
