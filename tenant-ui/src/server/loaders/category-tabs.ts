import { listProducts } from '../../../../core/src/commerce/catalog/product-list.ts'
import type { MallContext } from '../../../../core/src/context.ts'
import type { CategoryTabsData } from '../../blocks/category-tabs/data.ts'
import type { CategoryTabsProps } from '../../blocks/category-tabs/manifest.ts'
import { cardFromSummary } from '../../blocks/product-grid/grid-product.ts'
import { pick } from '../../shared/localized.ts'
import type { LoaderEnv } from './loader.ts'

/**
 * Every tab's products up front (at most 6 tabs × 8), so switching tabs needs no request. A tab
 * whose category no longer exists is left out; its label falls back to the category's name.
 */
export async function loadCategoryTabs(
  ctx: MallContext,
  props: CategoryTabsProps,
  env: LoaderEnv,
): Promise<CategoryTabsData> {
  if (props.tabs.length === 0) return { tabs: [] }
  const ids = props.tabs.map((tab) => tab.categoryId)
  const rows = await ctx.db
    .selectFrom('core__category')
    .select(['id', 'name'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', 'in', ids)
    .execute()
  const names = new Map(rows.map((row) => [row.id, row.name]))
  const tabs: CategoryTabsData['tabs'] = []
  for (const tab of props.tabs) {
    const name = names.get(tab.categoryId)
    if (!name) continue
    const page = await listProducts(
      ctx.db,
      ctx.tenant.id,
      { status: 'active', sort: 'newest', limit: props.limit, categoryId: tab.categoryId },
      env.view,
    )
    tabs.push({
      categoryId: tab.categoryId,
      label: pick(tab.label, env.locale) || pick(name, env.locale),
      products: page.items.map((product) => cardFromSummary(product, env.locale)),
    })
  }
  return { tabs }
}
