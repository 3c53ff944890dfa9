import { MallError } from '../http/errors.ts'
import { PAGE_SCHEMA_VERSION, PageDocument } from './document.ts'

/**
 * Upgrades from version N to N + 1, in order: `pageMigrations[0]` turns a version 0 document
 * (before versions existed: a bare array of blocks) into version 1. Append only, like database
 * migrations: a stored page of any age must still open.
 */
export const pageMigrations: readonly ((
  doc: Record<string, unknown>,
) => Record<string, unknown>)[] = [
  (doc) => ({ schemaVersion: 1, root: doc.root ?? {}, blocks: doc.blocks ?? [] }),
]

/** Reads a stored page of any version and returns it at the current version, validated. */
export function migratePage(raw: unknown): PageDocument {
  let doc: Record<string, unknown> = Array.isArray(raw)
    ? { blocks: raw }
    : raw && typeof raw === 'object'
      ? { ...(raw as Record<string, unknown>) }
      : {}
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0
  if (!Number.isInteger(version) || version < 0 || version > PAGE_SCHEMA_VERSION)
    throw new MallError(
      'validation_failed',
      `Unknown page schemaVersion ${String(doc.schemaVersion)}`,
      {
        errors: [{ field: 'schemaVersion', message: `must be at most ${PAGE_SCHEMA_VERSION}` }],
      },
    )
  while (version < PAGE_SCHEMA_VERSION) {
    const step = pageMigrations[version]
    if (!step) throw new Error(`No page migration from version ${version}`)
    doc = step(doc)
    version += 1
  }
  return PageDocument.parse(doc)
}
