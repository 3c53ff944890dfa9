import { pinyin } from 'pinyin-pro'
import type { LocalizedText } from '../../db/commerce-schema.ts'
import type { TenantTx } from '../../db/tenant-scope.ts'

const HAN = /\p{Script=Han}/u

/** Full pinyin without tones or spaces (`手机` → `shouji`); other characters are kept. */
export function toPinyin(text: string): string {
  if (!HAN.test(text)) return text.toLowerCase()
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase()
}

/** Pinyin initials of the Han characters (`手机壳` → `sjk`); other characters are dropped. */
export function toInitials(text: string): string {
  const chars = [...text].filter((ch) => HAN.test(ch)).join('')
  if (!chars) return ''
  return pinyin(chars, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
}

const texts = (value: LocalizedText | undefined) =>
  [value?.['zh-CN'], value?.en].filter((v): v is string => Boolean(v && v.trim()))

/**
 * What fuzzy search matches a product against, one segment per line: names and subtitles in both
 * locales, their pinyin and pinyin initials, tags and category names. Rebuilt on every write.
 */
export function buildSearchText(product: {
  title: LocalizedText
  subtitle?: LocalizedText | undefined
  tags?: readonly string[] | undefined
  categoryNames?: readonly LocalizedText[] | undefined
}): string {
  const names = [...texts(product.title), ...texts(product.subtitle)]
  const categories = (product.categoryNames ?? []).flatMap(texts)
  const segments = [
    ...names,
    ...names.filter((n) => HAN.test(n)).flatMap((n) => [toPinyin(n), toInitials(n)]),
    ...(product.tags ?? []),
    ...categories,
    ...categories.filter((n) => HAN.test(n)).map(toPinyin),
  ]
  return [...new Set(segments.map((s) => s.trim().toLowerCase()).filter(Boolean))].join('\n')
}

/** Recomputes `search_text` of one product from its current title, subtitle, tags and category. */
export async function refreshSearchText(
  tx: TenantTx,
  tenantId: string,
  productId: string,
): Promise<void> {
  const product = await tx
    .selectFrom('core__product as p')
    .leftJoin('core__category as c', (join) =>
      join.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.id', '=', 'p.category_id'),
    )
    .select(['p.title', 'p.subtitle', 'p.tags', 'c.name as categoryName'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', productId)
    .executeTakeFirst()
  if (!product) return
  const searchText = buildSearchText({
    title: product.title,
    subtitle: product.subtitle,
    tags: product.tags,
    categoryNames: product.categoryName ? [product.categoryName] : [],
  })
  await tx
    .updateTable('core__product')
    .set({ search_text: searchText })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', productId)
    .execute()
}
