import type { Kysely } from 'kysely'
import type { AuditLogTable, Database } from './schema.ts'

/** One entry of a mall's audit log; what is left out is stored as null (`data` as `{}`). */
export interface AuditEntry {
  tenantId: string
  actorKind: AuditLogTable['actor_kind']
  actorId: string | null
  action: string
  target?: string | null
  data?: Record<string, unknown>
  ip?: string | null
  requestId?: string | null
}

/**
 * Appends to a mall's audit log. `db` must be in that mall's tenant scope (`withTenant`), since the
 * table's row policy accepts only the current mall's rows.
 */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('core__audit_log')
    .values({
      tenant_id: entry.tenantId,
      actor_kind: entry.actorKind,
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      data: JSON.stringify(entry.data ?? {}),
      ip: entry.ip ?? null,
      request_id: entry.requestId ?? null,
    })
    .execute()
}
