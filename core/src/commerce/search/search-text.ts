import { sql } from 'kysely'
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
 * locales, their pinyin and pinyin initials, tags, and the names of the category and its ancestors.
 * Rebuilt on every write.
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

/** Deeper than any real tree; stops the walk should a cycle ever slip into the table. */
const MAX_DEPTH = 32

/**
 * The names of a category and all its ancestors, the category first (`手机`, then `数码`): a
 * product in a subcategory is found by the names of the categories above it too.
 */
export async function categoryPathNames(
  tx: TenantTx,
  tenantId: string,
  categoryId: string,
): Promise<LocalizedText[]> {
  const result = await sql<{ name: LocalizedText }>`
    with recursive chain (id, parent_id, name, depth) as (
      select c.id, c.parent_id, c.name, 0 from core__category c
       where c.tenant_id = ${tenantId} and c.id = ${categoryId}
      union all
      select c.id, c.parent_id, c.name, chain.depth + 1 from core__category c
        join chain on c.tenant_id = ${tenantId} and c.id = chain.parent_id
       where chain.depth < ${MAX_DEPTH}
    )
    select name from chain order by depth`.execute(tx)
  return result.rows.map((row) => row.name)
}

/**
 * Recomputes `search_text` of one product from its current title, subtitle, tags, category and
 * the category's ancestors.
 */
export async function refreshSearchText(
  tx: TenantTx,
  tenantId: string,
  productId: string,
): Promise<void> {
  const product = await tx
    .selectFrom('core__product')
    .select(['title', 'subtitle', 'tags', 'category_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', productId)
    .executeTakeFirst()
  if (!product) return
  const searchText = buildSearchText({
    title: product.title,
    subtitle: product.subtitle,
    tags: product.tags,
    categoryNames: product.category_id
      ? await categoryPathNames(tx, tenantId, product.category_id)
      : [],
  })
  await tx
    .updateTable('core__product')
    .set({ search_text: searchText })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', productId)
    .execute()
}

/**
 * Recomputes `search_text` of every product in a category or any category below it: after the
 * category is renamed or moved, the names above those products have changed.
 */
export async function refreshCategorySubtree(
  tx: TenantTx,
  tenantId: string,
  categoryId: string,
): Promise<void> {
  const products = await sql<{ id: string }>`
    with recursive subtree (id, depth) as (
      select ${categoryId}::uuid, 0
      union all
      select c.id, subtree.depth + 1 from core__category c
        join subtree on c.tenant_id = ${tenantId} and c.parent_id = subtree.id
       where subtree.depth < ${MAX_DEPTH}
    )
    select p.id from core__product p
     where p.tenant_id = ${tenantId} and p.category_id in (select id from subtree)
     order by p.id`.execute(tx)
  for (const product of products.rows) await refreshSearchText(tx, tenantId, product.id)
}
