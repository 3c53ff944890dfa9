import { walkBlocks, type PageDocument } from './document.ts'

/** A block named in a diff. */
export interface DiffBlock {
  id: string
  type: string
}

/** What changed between two versions of a page, block by block (matched by id). */
export interface PageDiff {
  added: DiffBlock[]
  removed: DiffBlock[]
  /** Same block, different props. */
  changed: DiffBlock[]
  /** Same block, another list or another place among the blocks that stayed. */
  moved: DiffBlock[]
  /** The page's title, SEO or theme changed. */
  rootChanged: boolean
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )
}

interface Placed {
  block: DiffBlock
  props: string
  parent: string
  /** Its position among the siblings that exist in both versions. */
  order: number
}

function placements(document: PageDocument, keep: (id: string) => boolean) {
  const byId = new Map<string, Placed>()
  const counters = new Map<string, number>()
  for (const { block, parent } of walkBlocks(document.blocks)) {
    const list = parent ? `${parent.block.id}.${parent.slot}` : ''
    const order = keep(block.id) ? (counters.get(list) ?? 0) : -1
    if (order >= 0) counters.set(list, order + 1)
    byId.set(block.id, {
      block: { id: block.id, type: block.type },
      props: canonical(block.props),
      parent: list,
      order,
    })
  }
  return byId
}

/**
 * The blocks added, removed, changed and moved from `before` to `after`: what a version history
 * shows as a summary. A block that only shifted because others were added or removed around it
 * does not count as moved.
 */
export function diffPages(before: PageDocument, after: PageDocument): PageDiff {
  const ids = (d: PageDocument) => new Set([...walkBlocks(d.blocks)].map(({ block }) => block.id))
  const beforeIds = ids(before)
  const afterIds = ids(after)
  const inBoth = (id: string) => beforeIds.has(id) && afterIds.has(id)
  const old = placements(before, inBoth)
  const now = placements(after, inBoth)
  const diff: PageDiff = {
    added: [],
    removed: [],
    changed: [],
    moved: [],
    rootChanged: canonical(before.root) !== canonical(after.root),
  }
  for (const [id, placed] of now) {
    const was = old.get(id)
    if (!was) diff.added.push(placed.block)
    else {
      if (was.props !== placed.props || was.block.type !== placed.block.type)
        diff.changed.push(placed.block)
      if (was.parent !== placed.parent || was.order !== placed.order) diff.moved.push(placed.block)
    }
  }
  for (const [id, placed] of old) if (!now.has(id)) diff.removed.push(placed.block)
  return diff
}
