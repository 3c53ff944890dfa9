import { categoryTree } from '../../../../core/src/commerce/catalog/category-service.ts'
import type { CategoryNode } from '../../../../core/src/commerce/catalog/catalog-schemas.ts'
import { listProducts } from '../../../../core/src/commerce/catalog/product-list.ts'
import type { GridProduct } from '../../blocks/product-grid/data.ts'
import { cardFromSummary } from '../../blocks/product-grid/grid-product.ts'
import type { ViewLoader } from '../../server/view-loader.ts'
import { inLocale } from '../../shared/i18n.ts'
import { pick } from '../../shared/localized.ts'
import { text } from './messages.ts'
import { apiSort, CATEGORY_PAGE_SIZE, categorySort, type CategorySort } from './sorts.ts'

/** A category linked from the page, localized. */
export interface CategoryRef {
  id: string
  name: string
}

/** What the category page shows: the category, where it sits, its children and products. */
export interface CategoryData {
  category: CategoryRef
  /** Ancestors from the top level down (empty for a top-level category). */
  ancestors: CategoryRef[]
  children: CategoryRef[]
  sort: CategorySort
  products: GridProduct[]
  nextCursor: string | null
}

/** The node with `id` and the path of nodes above it, or null. */
function findInTree(
  nodes: readonly CategoryNode[],
  id: string,
  above: CategoryNode[] = [],
): { node: CategoryNode; above: CategoryNode[] } | null {
  for (const node of nodes) {
    if (node.id === id) return { node, above }
    const found = findInTree(node.children, id, [...above, node])
    if (found) return found
  }
  return null
}

/** A category with its active products (its subcategories' included), first page, sorted. */
export const load: ViewLoader<CategoryData> = async (ctx, request) => {
  const id = request.params.categoryId ?? ''
  const found = findInTree(await categoryTree(ctx, { activeOnly: true }), id)
  if (!found) return null
  const locale = request.locale
  const ref = (node: CategoryNode): CategoryRef => ({ id: node.id, name: pick(node.name, locale) })
  const sort = categorySort(request.query.get('sort'))
  const page = await listProducts(
    ctx.db,
    ctx.tenant.id,
    { status: 'active', categoryId: id, sort: apiSort(sort), limit: CATEGORY_PAGE_SIZE },
    request.view,
  )
  const category = ref(found.node)
  return {
    title: category.name,
    description: inLocale(text, locale).description(category.name),
    data: {
      category,
      ancestors: found.above.map(ref),
      children: found.node.children.map(ref),
      sort,
      products: page.items.map((item) => cardFromSummary(item, locale)),
      nextCursor: page.nextCursor,
    },
  }
}
