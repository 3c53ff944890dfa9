import {
  validatePage,
  walkBlocks,
  type BlockRegistry,
  type PageDocument,
} from '../../../core/src/page/index.ts'
import type { PropPath } from './actions.ts'

/** Why a block stops the page from being published, in the block's own terms. */
export interface BlockProblem {
  blockId: string
  type: string
  /** The field within the block: `props.slides.2.image`, `type`, `slots.left`. */
  field: string
  /** The prop it concerns, for the inspector to mark (`['slides', 2, 'image']`); null otherwise. */
  propPath: PropPath | null
  /** The path in the document, as the core reports it (`blocks.1.slots.left.0.props.height`). */
  path: string
  message: string
}

/**
 * The page's problems as the core's publish will see them (`validatePage`), each tied to its
 * block and field, so the editor can refuse to publish and take the user to the block. Problems come in
 * document order (the first is the one to show first); an empty list means the core will accept
 * the page.
 */
export function publishCheck(registry: BlockRegistry, document: PageDocument): BlockProblem[] {
  const blockPaths = [...walkBlocks(document.blocks)].map((entry) => entry.path)
  const located = validatePage(document, registry).problems.map((problem) => {
    // The field starts with the path of its block: the longest block path that prefixes it.
    let order = -1
    let blockPath = ''
    for (const [index, path] of blockPaths.entries())
      if (problem.field.startsWith(`${path}.`) && path.length > blockPath.length) {
        blockPath = path
        order = index
      }
    const field = blockPath ? problem.field.slice(blockPath.length + 1) : problem.field
    const propPath =
      field === 'props' || field.startsWith('props.')
        ? field
            .split('.')
            .slice(1)
            .map((key) => (/^\d+$/.test(key) ? Number(key) : key))
        : null
    const located: BlockProblem = {
      blockId: problem.blockId,
      type: problem.type,
      field,
      propPath,
      path: problem.field,
      message: problem.message,
    }
    return { order, problem: located }
  })
  // A stable sort: within one block, the core's order stays.
  return located.sort((a, b) => a.order - b.order).map((entry) => entry.problem)
}
