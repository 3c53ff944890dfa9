import { categoryTree } from '../../../../core/src/commerce/catalog/category-service.ts'
import type { ViewLoader } from '../../server/view-loader.ts'
import { inLocale } from '../../shared/i18n.ts'
import { pick } from '../../shared/localized.ts'
import { text } from './messages.ts'

/** A category as the tree page lists it, already localized. */
export interface CategoryLink {
  id: string
  name: string
  children: CategoryLink[]
}

/** The mall's top-level categories, each with its direct children. */
export interface CategoriesData {
  categories: CategoryLink[]
}

/** The category tree, two levels deep (deeper ones are reached from their parent's page). */
export const load: ViewLoader<CategoriesData> = async (ctx, request) => {
  const tree = await categoryTree(ctx, { activeOnly: true })
  const t = inLocale(text, request.locale)
  return {
    title: t.title,
    description: t.description,
    data: {
      categories: tree.map((top) => ({
        id: top.id,
        name: pick(top.name, request.locale),
        children: top.children.map((child) => ({
          id: child.id,
          name: pick(child.name, request.locale),
          children: [],
        })),
      })),
    },
  }
}
