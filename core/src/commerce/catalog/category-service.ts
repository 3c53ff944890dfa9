import { sql } from 'kysely'
import type { LocalizedText } from '../../db/commerce-schema.ts'
import { MallError, validationError } from '../../http/errors.ts'
import { refreshCategorySubtree } from '../search/search-text.ts'
import type { CatalogScope } from './catalog-scope.ts'
import type { CategoryNode } from './catalog-schemas.ts'
import { compactLocalized, labelOf } from './localized.ts'

/**
 * The mall's category tree in position order. `productCount` counts the products directly in a
 * category (with `activeOnly`, only active ones, as the store sees them).
 */
export async function categoryTree(
  scope: CatalogScope,
  options: { activeOnly?: boolean } = {},
): Promise<CategoryNode[]> {
  const rows = await scope.db
    .selectFrom('core__category as c')
    .select([
      'c.id',
      'c.parent_id',
      'c.name',
      'c.position',
      sql<number>`(select count(*) from core__product p where p.tenant_id = c.tenant_id and p.category_id = c.id ${options.activeOnly ? sql`and p.status = 'active'` : sql``})::int`.as(
        'products',
      ),
    ])
    .where('c.tenant_id', '=', scope.tenant.id)
    .orderBy('c.position')
    .orderBy('c.created_at')
    .execute()
  const nodes = new Map<string, CategoryNode>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        parentId: r.parent_id,
        name: r.name,
        position: r.position,
        productCount: r.products,
        children: [],
      },
    ]),
  )
  const roots: CategoryNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

async function requireCategory(scope: CatalogScope, id: string, field?: string) {
  const row = await scope.db
    .selectFrom('core__category')
    .select(['id', 'parent_id', 'name'])
    .where('tenant_id', '=', scope.tenant.id)
    .where('id', '=', id)
    .executeTakeFirst()
  if (row) return row
  if (field) throw validationError([{ field, message: 'no such category in this mall' }])
  throw new MallError('not_found', 'No such category in this mall')
}

/** Creates a category at the end of its parent's children; returns its id. */
export async function createCategory(
  scope: CatalogScope,
  input: { name: LocalizedText; parentId: string | null },
): Promise<string> {
  if (input.parentId) await requireCategory(scope, input.parentId, 'body.parentId')
  const last = await scope.db
    .selectFrom('core__category')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('tenant_id', '=', scope.tenant.id)
    .where((eb) =>
      input.parentId ? eb('parent_id', '=', input.parentId) : eb('parent_id', 'is', null),
    )
    .executeTakeFirst()
  const row = await scope.db
    .insertInto('core__category')
    .values({
      tenant_id: scope.tenant.id,
      name: JSON.stringify(compactLocalized(input.name)),
      parent_id: input.parentId,
      position: (last?.max ?? -1) + 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Renames or moves a category, refreshing the search text of the products below it; a move under
 * itself or its own descendant is refused (422).
 */
export async function updateCategory(
  scope: CatalogScope,
  id: string,
  input: { name: LocalizedText; parentId: string | null },
): Promise<void> {
  await requireCategory(scope, id)
  for (let at = input.parentId; at;) {
    if (at === id)
      throw validationError([
        { field: 'body.parentId', message: 'a category cannot move under itself' },
      ])
    at = (await requireCategory(scope, at, 'body.parentId')).parent_id
  }
  await scope.db
    .updateTable('core__category')
    .set({
      name: JSON.stringify(compactLocalized(input.name)),
      parent_id: input.parentId,
      updated_at: new Date(),
    })
    .where('tenant_id', '=', scope.tenant.id)
    .where('id', '=', id)
    .execute()
  // Search matches products by the names of their category and its ancestors: a rename or a move
  // changes them for every product below this category.
  await refreshCategorySubtree(scope.db, scope.tenant.id, id)
}

/** Sets the order of a parent's children; `ids` must list exactly those children (422 otherwise). */
export async function reorderCategories(
  scope: CatalogScope,
  parentId: string | null,
  ids: readonly string[],
): Promise<void> {
  const children = await scope.db
    .selectFrom('core__category')
    .select('id')
    .where('tenant_id', '=', scope.tenant.id)
    .where((eb) => (parentId ? eb('parent_id', '=', parentId) : eb('parent_id', 'is', null)))
    .execute()
  const current = new Set(children.map((c) => c.id))
  if (parentId && !children.length) await requireCategory(scope, parentId, 'body.parentId')
  if (
    new Set(ids).size !== ids.length ||
    ids.length !== current.size ||
    ids.some((id) => !current.has(id))
  )
    throw validationError([
      { field: 'body.ids', message: 'list every child of the parent exactly once' },
    ])
  for (const [position, id] of ids.entries())
    await scope.db
      .updateTable('core__category')
      .set({ position })
      .where('tenant_id', '=', scope.tenant.id)
      .where('id', '=', id)
      .execute()
}

/** Deletes an empty category; one with products or subcategories is a 409 naming it. */
export async function deleteCategory(scope: CatalogScope, id: string): Promise<void> {
  const category = await requireCategory(scope, id)
  const label = labelOf(category.name) || id
  const child = await scope.db
    .selectFrom('core__category')
    .select('id')
    .where('tenant_id', '=', scope.tenant.id)
    .where('parent_id', '=', id)
    .limit(1)
    .executeTakeFirst()
  const product = await scope.db
    .selectFrom('core__product')
    .select('id')
    .where('tenant_id', '=', scope.tenant.id)
    .where('category_id', '=', id)
    .limit(1)
    .executeTakeFirst()
  if (child || product)
    throw new MallError(
      'conflict',
      `The category “${label}” still has ${child ? 'subcategories' : 'products'}; move them first`,
    )
  await scope.db
    .deleteFrom('core__category')
    .where('tenant_id', '=', scope.tenant.id)
    .where('id', '=', id)
    .execute()
}
