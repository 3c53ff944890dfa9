import { api, mallApi } from '../../app/api.ts'
import { localized, messages } from '../../app/i18n.ts'
import { ChoicePicker, type Choice } from './ChoicePicker.tsx'

const text = messages({
  en: {
    search: 'Search categories',
    noMatch: 'No category matches. Add categories under Catalog › Categories.',
    products: (n: number) => (n === 1 ? '1 product' : `${n} products`),
  },
  'zh-CN': {
    search: '搜索分类',
    noMatch: '没有匹配的分类。请先在“分类”中添加。',
    products: (n) => `${n} 件商品`,
  },
})

interface CategoryNode {
  id: string
  name: { 'zh-CN'?: string; en?: string }
  productCount: number
  children: CategoryNode[]
}

interface Flat {
  choice: Choice
  /** Both languages' names and the ancestors', lower-cased, for the search. */
  haystack: string
}

/** The tree depth first, each category under its parent, named with its path for the search. */
function flatten(nodes: CategoryNode[], depth = 0, trail = ''): Flat[] {
  return nodes.flatMap((node) => {
    const names = `${node.name['zh-CN'] ?? ''} ${node.name.en ?? ''}`.toLowerCase()
    const own: Flat = {
      choice: {
        id: node.id,
        label: localized(node.name) || node.id.slice(0, 8),
        detail: text().products(node.productCount),
        depth,
      },
      haystack: `${trail} ${names}`,
    }
    return [own, ...flatten(node.children, depth + 1, `${trail} ${names}`)]
  })
}

/**
 * Picks categories of the mall from its tree (indented under their parents); typing filters by
 * name in either language, keeping a category when a parent's name matches.
 */
export function CategoryPicker(p: {
  slug: string
  value: string[]
  onChange: (ids: string[]) => void
  multiple?: boolean
  label: string
  id?: string
}) {
  // The tree is small: load it once per picker, on first use.
  let tree: Promise<CategoryNode[]> | undefined
  // Flattened on each use, so names follow the console's language.
  const flat = async () =>
    flatten(
      await (tree ??= api<{ items: CategoryNode[] }>(mallApi(p.slug, '/categories')).then(
        (r) => r.items,
        (error: unknown) => {
          tree = undefined
          throw error
        },
      )),
    )
  const search = async (q: string) => {
    const all = await flat()
    const needle = q.toLowerCase()
    return all.filter((row) => !needle || row.haystack.includes(needle)).map((row) => row.choice)
  }
  const resolve = async (ids: string[]) => {
    const all = new Map((await flat()).map((row) => [row.choice.id, row.choice]))
    return new Map(ids.map((id) => [id, all.get(id) ?? null]))
  }
  return (
    <ChoicePicker
      label={p.label}
      id={p.id}
      value={p.value}
      onChange={p.onChange}
      multiple={p.multiple}
      placeholder={text().search}
      noMatch={text().noMatch}
      search={search}
      resolve={resolve}
    />
  )
}
