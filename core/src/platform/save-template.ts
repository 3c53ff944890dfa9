import type { Db } from '../db/create-db.ts'
import { snapshotMall } from './template-snapshot.ts'
import './template-table.ts'

/**
 * Saves a mall's published pages (with their theme and images), enabled plugins and settings as
 * one of the agency's templates. The caller checks the agency may read the mall (its grant).
 *
 * @example await saveMallAsTemplate(db, { agencyId, tenantId, name: 'Demo template' })
 */
export async function saveMallAsTemplate(
  db: Db,
  input: {
    agencyId: string
    tenantId: string
    name: string
    description?: string
    createdBy?: string | null
  },
) {
  const snapshot = await snapshotMall(db, input.tenantId)
  return db
    .insertInto('core__mall_template')
    .values({
      agency_id: input.agencyId,
      name: input.name,
      description: input.description ?? '',
      source_tenant_id: input.tenantId,
      snapshot: JSON.stringify(snapshot),
      created_by: input.createdBy ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}
