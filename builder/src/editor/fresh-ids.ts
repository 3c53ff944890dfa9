import { walkBlocks, type PageDocument } from '../../../core/src/page/index.ts'

/**
 * Hands out block ids unused in the document, like `banner-1k`: the type's local name (readable in
 * page JSON and devtools) and a base-36 counter. Ids stay within the document's id pattern.
 */
export function freshIds(document: PageDocument, start: number) {
  const taken = new Set<string>()
  for (const { block } of walkBlocks(document.blocks)) taken.add(block.id)
  let counter = start
  return {
    make(type: string): string {
      const local = (type.slice(type.indexOf('/') + 1) || 'block').slice(0, 40)
      let id: string
      do id = `${local}-${(counter++).toString(36)}`
      while (taken.has(id))
      taken.add(id)
      return id
    },
    /** The counter to store in the editor state after this action. */
    get next() {
      return counter
    },
  }
}
