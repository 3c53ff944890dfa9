import { api, mallApi } from '../../../../../builder/src/app/api.ts'
import { localized, messages } from '../../../../../builder/src/app/i18n.ts'
import { formatMoney } from '../../../../../builder/src/kit/money.ts'
import { ChoicePicker, type Choice } from '../../../../../builder/src/kit/pickers/ChoicePicker.tsx'

export const skuText = messages({
  en: {
    sku: 'Sold online as',
    skuHelp:
      'The catalog SKU customers buy to top up (price it at the pay amount; a product that needs no delivery works best). Leave empty: top-ups are paid off-line and confirmed here.',
    searchSkus: 'Search products by name or SKU code',
    noSkus: 'No SKU matches. Add a product under Catalog › Products first.',
    skuOf: (id: string) => `SKU ${id.slice(0, 8)}`,
    online: 'Online',
    offline: 'Off-line',
  },
  'zh-CN': {
    sku: '线上售卖的商品规格',
    skuHelp:
      '顾客通过购买此商品规格完成充值（售价设为支付金额，建议使用无需配送的商品）。留空则线下付款，由员工在此确认。',
    searchSkus: '按商品名称或规格编码搜索',
    noSkus: '没有匹配的规格。请先在“商品”中添加商品。',
    skuOf: (id) => `规格 ${id.slice(0, 8)}`,
    online: '线上支付',
    offline: '线下支付',
  },
})

interface InventoryItem {
  skuId: string
  productTitle: Record<string, string>
  spec: Record<string, string>
  specNames: string[]
  price: number
}

const skuChoice = (item: InventoryItem, currency: string): Choice => {
  const spec = item.specNames.map((name) => item.spec[name]).filter(Boolean)
  return {
    id: item.skuId,
    label: [localized(item.productTitle), ...spec].filter(Boolean).join(' · '),
    detail: formatMoney(item.price, currency),
  }
}

/**
 * Picks the catalog SKU that sells a top-up package (one at most), searching the mall's
 * inventory by product title or SKU code; empty means the package is paid off-line.
 */
export function SkuField(p: {
  slug: string
  currency: string
  value: string | null
  onChange: (skuId: string | null) => void
}) {
  const search = (q: string) =>
    api<{ items: InventoryItem[] }>(
      mallApi(p.slug, `/inventory?${new URLSearchParams({ q, limit: '12' })}`),
    ).then((page) => page.items.map((item) => skuChoice(item, p.currency)))
  // The inventory cannot be read by SKU id: a chosen SKU shows by its id until searched again.
  const resolve = async (ids: string[]) =>
    new Map(ids.map((id): [string, Choice] => [id, { id, label: skuText().skuOf(id) }]))
  return (
    <div class="ck-field">
      <ChoicePicker
        label={skuText().sku}
        id="package-sku"
        value={p.value ? [p.value] : []}
        onChange={(ids) => p.onChange(ids.at(-1) ?? null)}
        placeholder={skuText().searchSkus}
        noMatch={skuText().noSkus}
        search={search}
        resolve={resolve}
      />
      <p class="ck-help">{skuText().skuHelp}</p>
    </div>
  )
}
