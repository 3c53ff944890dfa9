import { parseMoney } from '../../../kit/money.ts'
import type { Media } from '../../../kit/pickers/media-api.ts'
import type {
  LocalizedText,
  ProductBody,
  ProductDetail,
  ProductStatus,
} from '../shared/catalog-api.ts'
import { draftsOf, regenerateRows, specOf, type OptionDraft, type SkuDraft } from './spec-form.ts'

/** The product editor's form, as typed. */
export interface ProductForm {
  title: LocalizedText
  subtitle: LocalizedText
  description: LocalizedText
  images: Media[]
  categoryId: string | null
  tags: string
  status: ProductStatus
  afterSales: { returnable7d: boolean; exclusion: string | null }
  options: OptionDraft[]
  rows: SkuDraft[]
}

/** The form of a saved product, or of a new one (a draft with one default SKU). */
export function formOf(product: ProductDetail | undefined): ProductForm {
  if (!product)
    return {
      title: {},
      subtitle: {},
      description: {},
      images: [],
      categoryId: null,
      tags: '',
      status: 'active',
      afterSales: { returnable7d: true, exclusion: null },
      options: [],
      rows: regenerateRows([], []),
    }
  return {
    title: { ...product.title },
    subtitle: { ...product.subtitle },
    description: { ...product.description },
    images: [...product.images],
    categoryId: product.categoryId,
    tags: product.tags.join(', '),
    status: product.status,
    afterSales: { ...product.afterSales },
    ...draftsOf(product),
  }
}

/** Both locales trimmed, empty ones left out (the API's "not given"). */
const compact = (text: LocalizedText): LocalizedText => {
  const out: LocalizedText = {}
  if (text['zh-CN']?.trim()) out['zh-CN'] = text['zh-CN'].trim()
  if (text.en?.trim()) out.en = text.en.trim()
  return out
}

/**
 * The API body of the form, or the messages of what cannot be sent by field (`skus.2.price`), as
 * the API would name them. Money is parsed to minor units; an existing SKU's stock is sent only
 * when it was typed, so a save never overwrites what checkouts took meanwhile.
 */
export function bodyOf(
  form: ProductForm,
  text: { priceRequired: string; notAmount: string; notStock: string; noValues: string },
):
  { body: ProductBody; errors?: undefined } | { errors: Record<string, string>; body?: undefined } {
  const errors: Record<string, string> = {}
  form.options.forEach((option, i) => {
    if (!option.values.length) errors[`specOptions.${i}.values`] = text.noValues
  })
  const skus = form.rows.map((row, i) => {
    const price = parseMoney(row.price)
    if (price === null) errors[`skus.${i}.price`] = text.priceRequired
    const compareAt = row.compareAt.trim() ? parseMoney(row.compareAt) : null
    if (row.compareAt.trim() && compareAt === null)
      errors[`skus.${i}.compareAtPrice`] = text.notAmount
    const sendStock = row.stockTouched || !row.id
    const stock = /^\s*\d{1,8}\s*$/.test(row.stock) ? Number(row.stock) : null
    if (sendStock && stock === null) errors[`skus.${i}.stock`] = text.notStock
    return {
      ...(row.id ? { id: row.id } : {}),
      spec: specOf(form.options, row.combo),
      code: row.code.trim() || null,
      price: price ?? 0,
      compareAtPrice: compareAt,
      ...(sendStock ? { stock: stock ?? 0 } : {}),
      weightGrams: row.keep?.weightGrams ?? 0,
      barcode: row.keep?.barcode ?? null,
      status: row.keep?.status ?? ('active' as const),
    }
  })
  if (Object.keys(errors).length) return { errors }
  return {
    body: {
      title: compact(form.title),
      subtitle: compact(form.subtitle),
      description: compact(form.description),
      categoryId: form.categoryId,
      tags: [
        ...new Set(
          form.tags
            .split(/[,，]/)
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ],
      status: form.status,
      afterSales: form.afterSales,
      specOptions: form.options.map((option) => ({
        name: compact(option.text),
        values: option.values.map((value) => compact(value.text)),
      })),
      skus,
      imageIds: form.images.map((image) => image.id),
    },
  }
}

/** The first message for `field` or anything under it (`title` covers `title.en`). */
export function messageFor(fields: Record<string, string>, field: string): string | undefined {
  if (fields[field]) return fields[field]
  const key = Object.keys(fields).find((name) => name.startsWith(`${field}.`))
  return key ? fields[key] : undefined
}
