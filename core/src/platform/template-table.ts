import type { ColumnType, Generated } from 'kysely'

/** A row of `core__mall_template` (migration 0009): an agency's snapshot of a mall. */
export interface MallTemplateTable {
  id: Generated<string>
  agency_id: string
  name: string
  description: Generated<string>
  source_tenant_id: string | null
  snapshot: ColumnType<unknown, string, string>
  created_by: string | null
  created_at: Generated<Date>
}

declare module '../db/schema.ts' {
  interface Database {
    core__mall_template: MallTemplateTable
  }
}
