import { api, ApiError, mallApi } from '../../app/api.ts'
import { localized, messages } from '../../app/i18n.ts'
import { formatMoney } from '../money.ts'
import { ChoicePicker, type Choice } from './ChoicePicker.tsx'

const text = messages({
  en: {
    searchProducts: 'Search products by name',
    noProducts: 'No product matches. Add products under Catalog › Products.',
  },
  'zh-CN': {
    searchProducts: '按名称搜索商品',
    noProducts: '没有匹配的商品。请先在“商品”中添加。',
  },
})
interface ProductRow {
  id: string
  status: string
  title: Record<string, string>
  priceMin: number
  currency: string
  image?: Media | null
  images?: Media[]
}
interface Media {
  url: string
  variants: Record<string, { url: string; width: number }>
}

/** The smallest rendition of an image, for a 32-pixel thumbnail. */
const thumbOf = (media: Media | null | undefined) =>
  media
    ? (Object.values(media.variants).sort((a, b) => a.width - b.width)[0]?.url ?? media.url)
    : null

const productChoice = (row: ProductRow): Choice => ({
  id: row.id,
  label: localized(row.title) || row.id.slice(0, 8),
  detail: formatMoney(row.priceMin, row.currency),
  thumb: thumbOf(row.image ?? row.images?.[0]),
})

/** Picks products of the mall by searching their titles; shows thumbnails and prices. */
export function ProductPicker(p: {
  slug: string
  value: string[]
  onChange: (ids: string[]) => void
  multiple?: boolean
  label: string
  id?: string
}) {
  const search = (q: string) =>
    api<{ items: ProductRow[] }>(
      mallApi(p.slug, `/products?${new URLSearchParams({ q, limit: '12' })}`),
    ).then((page) => page.items.map(productChoice))
  const resolve = async (ids: string[]) =>
    new Map(
      await Promise.all(
        ids.map(async (id): Promise<[string, Choice | null]> => {
          try {
            const row = await api<ProductRow>(mallApi(p.slug, `/products/${id}`))
            return [id, productChoice(row)]
          } catch (error) {
            if (error instanceof ApiError && [400, 404].includes(error.problem.status))
              return [id, null]
            throw error
          }
        }),
      ),
    )
  return (
    <ChoicePicker
      label={p.label}
      id={p.id}
      value={p.value}
      onChange={p.onChange}
      multiple={p.multiple}
      placeholder={text().searchProducts}
      noMatch={text().noProducts}
      search={search}
      resolve={resolve}
    />
  )
}
