import { PageDocument, type BlockNode, type BlockRegistry } from '../../../core/src/page/index.ts'
import { refuse, type EditorAction, type Refusal } from './actions.ts'
import { freshIds } from './fresh-ids.ts'
import { placementRefusal } from './placement.ts'
import { sameList, type Position } from './position.ts'
import { getAtPath, setAtPath } from './prop-path.ts'
import type { EditorState } from './state.ts'
import {
  containsBlock,
  copyBlock,
  findBlock,
  insertAt,
  listAt,
  removeAt,
  replaceBlock,
} from './tree.ts'

/** The next state, or why the action was refused (the state is then unchanged). */
export type ReduceResult = { ok: true; state: EditorState } | { ok: false; refusal: Refusal }

/**
 * The page editor's reducer: pure, never throws for user input, and never mutates `state`. An
 * action that changes the document returns a new `document` object; one that does not (select,
 * copy) returns the same one, which is how the history tells undo steps apart.
 */
export function reduce(
  registry: BlockRegistry,
  state: EditorState,
  action: EditorAction,
): ReduceResult {
  const blocks = state.document.blocks
  switch (action.type) {
    case 'insert': {
      const entry = registry.get(action.blockType)
      if (!entry) return refuse('unknown-type', `Unknown block type ${action.blockType}`)
      const ids = freshIds(state.document, state.nextId)
      // A manifest's props should parse `{}`; if one does not, the block starts empty and the
      // publish check names its missing fields.
      const defaults = entry.manifest.props.safeParse({})
      const slots = Object.keys(entry.manifest.slots ?? {})
      const node: BlockNode = {
        id: ids.make(action.blockType),
        type: action.blockType,
        props: defaults.success ? (defaults.data as Record<string, unknown>) : {},
        ...(slots.length ? { slots: Object.fromEntries(slots.map((slot) => [slot, []])) } : {}),
      }
      return place(registry, { ...state, nextId: ids.next }, node, action.at)
    }
    case 'move': {
      const from = findBlock(blocks, action.id)
      if (!from) return refuse('unknown-block', `No block ${action.id} on the page`)
      const { parent, index } = action.to
      if (parent && containsBlock(from.block, parent.blockId))
        return refuse('into-itself', `${action.id} cannot move into itself`)
      if (sameList(parent, from.parent) && (index === from.index || index === from.index + 1))
        return refuse('unchanged', `${action.id} is already there`)
      const problem = checkPosition(registry, blocks, from.block, action.to, false)
      if (problem) return { ok: false, refusal: problem }
      // The target index counts the list before the move; removing first shifts later gaps.
      const shift = sameList(parent, from.parent) && index > from.index ? 1 : 0
      const next = insertAt(removeAt(blocks, from), parent, index - shift, from.block)
      return commit(state, next, action.id)
    }
    case 'update-props': {
      const found = findBlock(blocks, action.id)
      if (!found) return refuse('unknown-block', `No block ${action.id} on the page`)
      if (Object.is(getAtPath(found.block.props, action.path), action.value))
        return refuse('unchanged', `${action.path.join('.')} already has this value`)
      const props = setAtPath(found.block.props, action.path, action.value)
      if (!props.ok) return refuse('bad-path', props.message)
      const next = replaceBlock(blocks, action.id, (block) => ({
        ...block,
        props: props.value as Record<string, unknown>,
      }))
      return commit(state, next, state.selection)
    }
    case 'update-root': {
      if (Object.is(getAtPath(state.document.root, action.path), action.value))
        return refuse('unchanged', `${action.path.join('.')} already has this value`)
      const root = setAtPath(state.document.root, action.path, action.value)
      if (!root.ok) return refuse('bad-path', root.message)
      return commit(state, blocks, state.selection, root.value as PageDocument['root'])
    }
    case 'duplicate': {
      const found = findBlock(blocks, action.id)
      if (!found) return refuse('unknown-block', `No block ${action.id} on the page`)
      const ids = freshIds(state.document, state.nextId)
      const copy = copyBlock(found.block, (block) => ids.make(block.type))
      const at = { parent: found.parent, index: found.index + 1 }
      return place(registry, { ...state, nextId: ids.next }, copy, at)
    }
    case 'delete': {
      const found = findBlock(blocks, action.id)
      if (!found) return refuse('unknown-block', `No block ${action.id} on the page`)
      const selection =
        state.selection && containsBlock(found.block, state.selection) ? null : state.selection
      return commit(state, removeAt(blocks, found), selection)
    }
    case 'copy': {
      const found = findBlock(blocks, action.id)
      if (!found) return refuse('unknown-block', `No block ${action.id} on the page`)
      return { ok: true, state: { ...state, clipboard: copyBlock(found.block, (b) => b.id) } }
    }
    case 'paste': {
      if (!state.clipboard) return refuse('empty-clipboard', 'Nothing has been copied')
      const ids = freshIds(state.document, state.nextId)
      const copy = copyBlock(state.clipboard, (block) => ids.make(block.type))
      const at = action.at ?? afterSelection(state)
      return place(registry, { ...state, nextId: ids.next }, copy, at)
    }
    case 'select':
      if (action.id !== null && !findBlock(blocks, action.id))
        return refuse('unknown-block', `No block ${action.id} on the page`)
      return { ok: true, state: { ...state, selection: action.id } }
  }
}

/** After the selected block in its list, or at the end of the page: where paste and add go. */
export function afterSelection(state: EditorState): Position {
  const selected = state.selection ? findBlock(state.document.blocks, state.selection) : null
  return selected
    ? { parent: selected.parent, index: selected.index + 1 }
    : { parent: null, index: state.document.blocks.length }
}

/** Whether the position exists and the block may be placed there. */
function checkPosition(
  registry: BlockRegistry,
  blocks: BlockNode[],
  node: BlockNode,
  at: Position,
  adding: boolean,
): Refusal | null {
  const list = listAt(blocks, at.parent)
  if (!list) return { code: 'unknown-block', message: `No block ${at.parent?.blockId} on the page` }
  if (!Number.isInteger(at.index) || at.index < 0 || at.index > list.length)
    return {
      code: 'bad-position',
      message: `${at.index} is not a position in a list of ${list.length}`,
    }
  return placementRefusal(registry, blocks, node, at.parent, adding)
}

/** Adds a new block (inserted, pasted or duplicated) and selects it. */
function place(
  registry: BlockRegistry,
  state: EditorState,
  node: BlockNode,
  at: Position,
): ReduceResult {
  const problem = checkPosition(registry, state.document.blocks, node, at, true)
  if (problem) return { ok: false, refusal: problem }
  return commit(state, insertAt(state.document.blocks, at.parent, at.index, node), node.id)
}

/**
 * The state with a changed document, if it is still a valid page document (as the draft API
 * requires: root fields, block ids, at most 200 root blocks), so autosave never sends a page the
 * core would reject. Props are not checked here: half-typed values are normal while editing, and
 * the publish check names them.
 */
function commit(
  state: EditorState,
  blocks: BlockNode[],
  selection: string | null,
  root: PageDocument['root'] = state.document.root,
): ReduceResult {
  const document = { ...state.document, root, blocks }
  const parsed = PageDocument.safeParse(document)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return refuse(
      'invalid-document',
      issue ? `${issue.path.join('.')}: ${issue.message}` : 'The page would be invalid',
    )
  }
  return { ok: true, state: { ...state, document, selection } }
}
