import type { ColumnType, Generated } from 'kysely'

/** A row of `core__page_template` (migration 0010): a page saved for new pages to start from. */
export interface PageTemplateTable {
  tenant_id: string
  id: Generated<string>
  name: string
  title: ColumnType<Record<string, string>, string | undefined, string>
  document: ColumnType<unknown, string, string>
  created_by: string | null
  created_at: Generated<Date>
}

/** A row of `core__page_preview` (migration 0010): the hash of a preview link's token. */
export interface PagePreviewTable {
  tenant_id: string
  token_hash: string
  page_id: string
  created_by: string | null
  expires_at: Date
}

declare module '../db/schema.ts' {
  interface Database {
    core__page_template: PageTemplateTable
    core__page_preview: PagePreviewTable
  }
  interface PageTable {
    /** When a job publishes the draft; null when no publish is scheduled. */
    publish_at: ColumnType<Date | null, Date | null | undefined, Date | null>
    publish_scheduled_by: ColumnType<string | null, string | null | undefined, string | null>
  }
}
