/**
 * Page documents, `@mallkit/core/page`: zod only, safe in Node and in browsers. The storefront
 * renders them, the builder edits them, the core validates them on publish.
 */
export {
  BlockNode,
  PageDocument,
  PageRoot,
  PageTheme,
  PAGE_SCHEMA_VERSION,
  emptyPage,
  walkBlocks,
} from './document.ts'
export { migratePage, pageMigrations } from './migrate.ts'
export { createBlockRegistry, type BlockRegistry, type RegisteredBlock } from './registry.ts'
export {
  placementProblems,
  renderableBlocks,
  validatePage,
  type PageCheck,
  type PageProblem,
  type PlacementParent,
} from './validate.ts'
export { diffPages, type DiffBlock, type PageDiff } from './diff.ts'
