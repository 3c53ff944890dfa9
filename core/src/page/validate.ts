import type { BlockNode, PageDocument } from './document.ts'
import { walkBlocks } from './document.ts'
import type { BlockRegistry } from './registry.ts'

/** Why a block cannot be published, naming the block and the field. */
export interface PageProblem {
  blockId: string
  type: string
  /** The path in the document, e.g. `blocks.2.props.title`. */
  field: string
  message: string
}

export interface PageCheck {
  /** The page with every known block's props parsed (defaults filled in). */
  page: PageDocument
  problems: PageProblem[]
}

/**
 * Checks a page against the block registry: known types only, props valid by each block's schema,
 * slots declared by the parent (and allowed children), placement rules (`allowIn`, `maxPerPage`),
 * unique block ids. Publishing refuses a page with any problem; the builder shows them in place.
 */
export function validatePage(page: PageDocument, registry: BlockRegistry): PageCheck {
  const problems: PageProblem[] = []
  const seen = new Set<string>()
  const perType = new Map<string, number>()
  const problem = (block: BlockNode, field: string, message: string) =>
    problems.push({ blockId: block.id, type: block.type, field, message })

  const normalize = (blocks: readonly BlockNode[], path: string): BlockNode[] =>
    blocks.map((block, index) => {
      const here = `${path}.${index}`
      const entry = registry.get(block.type)
      let props = block.props
      if (entry) {
        const parsed = entry.manifest.props.safeParse(block.props)
        if (parsed.success) props = parsed.data as Record<string, unknown>
        else
          for (const issue of parsed.error.issues)
            problem(block, [`${here}.props`, ...issue.path.map(String)].join('.'), issue.message)
      }
      const slots = block.slots
        ? Object.fromEntries(
            Object.entries(block.slots).map(([slot, children]) => [
              slot,
              normalize(children, `${here}.slots.${slot}`),
            ]),
          )
        : undefined
      return { ...block, props, ...(slots ? { slots } : {}) }
    })

  for (const { block, path, parent } of walkBlocks(page.blocks)) {
    if (seen.has(block.id))
      problem(block, `${path}.id`, `Another block already has the id ${block.id}`)
    seen.add(block.id)
    const entry = registry.get(block.type)
    if (!entry) {
      problem(block, `${path}.type`, `Unknown block type ${block.type}`)
      continue
    }
    perType.set(block.type, (perType.get(block.type) ?? 0) + 1)
    const max = entry.manifest.placement?.maxPerPage
    if (max !== undefined && (perType.get(block.type) ?? 0) === max + 1)
      problem(block, `${path}.type`, `At most ${max} of ${block.type} per page`)
    const at = parent && { type: parent.block.type, slot: parent.slot }
    for (const message of placementProblems(registry, block.type, at))
      problem(block, `${path}.type`, message)
    for (const slot of Object.keys(block.slots ?? {}))
      if (!entry.manifest.slots?.[slot])
        problem(block, `${path}.slots.${slot}`, `${block.type} has no slot ${slot}`)
  }
  return { page: { ...page, blocks: normalize(page.blocks, 'blocks') }, problems }
}

/** Where a block sits: a named slot of a block of `type`, or the page's root list (null). */
export type PlacementParent = { type: string; slot: string } | null

/**
 * Why a block of `type` may not sit at `parent`, by the parent slot's `allow` list and the type's
 * `placement.allowIn`; empty when it may. `validatePage` asks it of every block on publish, the
 * builder of one position before a change. Whether the parent declares the slot is checked on
 * the parent's side.
 */
export function placementProblems(
  registry: BlockRegistry,
  type: string,
  parent: PlacementParent,
): string[] {
  const problems: string[] = []
  const location = parent ? `${parent.type}.${parent.slot}` : 'root'
  const allow = parent && registry.get(parent.type)?.manifest.slots?.[parent.slot]?.allow
  if (allow && !allow.includes(type)) problems.push(`${type} is not allowed in ${location}`)
  const allowIn = registry.get(type)?.manifest.placement?.allowIn
  if (allowIn && !allowIn.includes(location))
    problems.push(`${type} cannot be placed in ${location}`)
  return problems
}

/**
 * The blocks a storefront may render: unknown types, blocks of plugins that are off for the mall,
 * and blocks whose props no longer parse are dropped (with their slots), and reported through
 * `onSkip` so the renderer can log them. A page never breaks because of one block.
 */
export function renderableBlocks(
  blocks: readonly BlockNode[],
  registry: BlockRegistry,
  isEnabled: (pluginId: string) => boolean,
  onSkip: (block: BlockNode, reason: string) => void = () => {},
): BlockNode[] {
  const kept: BlockNode[] = []
  for (const block of blocks) {
    const entry = registry.get(block.type)
    if (!entry) {
      onSkip(block, 'unknown block type')
      continue
    }
    if (entry.pluginId && !isEnabled(entry.pluginId)) {
      onSkip(block, `plugin ${entry.pluginId} is off`)
      continue
    }
    const parsed = entry.manifest.props.safeParse(block.props)
    if (!parsed.success) {
      onSkip(block, 'invalid props')
      continue
    }
    const slots = block.slots
      ? Object.fromEntries(
          Object.entries(block.slots).map(([slot, children]) => [
            slot,
            renderableBlocks(children, registry, isEnabled, onSkip),
          ]),
        )
      : undefined
    kept.push({
      ...block,
      props: parsed.data as Record<string, unknown>,
      ...(slots ? { slots } : {}),
    })
  }
  return kept
}
