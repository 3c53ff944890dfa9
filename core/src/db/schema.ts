import type { ColumnType, Generated, Selectable } from 'kysely'
import type { CommerceDatabase } from './commerce-schema.ts'

type Timestamp = Date
type Json<T = unknown> = ColumnType<T, string, string>

/** A billing plan set by the agency: which plugins a mall on it may enable (`*` = all). */
export interface PlanTable {
  id: string
  name: string
  allowed_plugins: string[]
  created_at: Generated<Timestamp>
}

export interface AgencyTable {
  id: Generated<string>
  name: string
  created_at: Generated<Timestamp>
}

export type TenantStatus = 'active' | 'suspended'

export interface TenantTable {
  id: Generated<string>
  slug: string
  name: string
  status: Generated<TenantStatus>
  default_locale: Generated<string>
  currency: Generated<string>
  timezone: Generated<string>
  plan_id: string
  agency_id: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface TenantDomainTable {
  host: string
  tenant_id: string
  created_at: Generated<Timestamp>
}

export interface StaffUserTable {
  id: Generated<string>
  email: string
  name: string
  password_hash: string
  created_at: Generated<Timestamp>
}

export interface StaffSessionTable {
  id: string
  user_id: string
  expires_at: Timestamp
  created_at: Generated<Timestamp>
}

export type StaffRole = 'owner' | 'admin' | 'operator' | 'service'

export interface StaffMembershipTable {
  id: Generated<string>
  user_id: string
  agency_id: string | null
  tenant_id: string | null
  role: StaffRole
  created_at: Generated<Timestamp>
}

export interface AuthThrottleTable {
  key: string
  failures: number
  window_started_at: Timestamp
  locked_until: Timestamp | null
}

export type JobStatus = 'pending' | 'running' | 'done' | 'dead'

export interface JobTable {
  id: Generated<string>
  kind: string
  tenant_id: string | null
  payload: Json
  status: Generated<JobStatus>
  run_at: Generated<Timestamp>
  attempts: Generated<number>
  max_attempts: Generated<number>
  locked_until: Timestamp | null
  last_error: string | null
  dedup_key: string | null
  created_at: Generated<Timestamp>
  finished_at: Timestamp | null
}

export interface CustomerTable {
  tenant_id: string
  id: Generated<string>
  email: string | null
  phone: string | null
  name: string
  password_hash: string
  created_at: Generated<Timestamp>
}

export interface CustomerSessionTable {
  tenant_id: string
  id: string
  customer_id: string
  expires_at: Timestamp
  created_at: Generated<Timestamp>
}

export interface AgencyGrantTable {
  tenant_id: string
  agency_id: string
  granted_at: Generated<Timestamp>
  revoked_at: Timestamp | null
  revoked_by: string | null
}

export interface PluginInstallTable {
  tenant_id: string
  plugin_id: string
  enabled: boolean
  settings: Json<Record<string, unknown>>
  updated_at: Generated<Timestamp>
}

export interface AuditLogTable {
  tenant_id: string
  id: Generated<string>
  actor_kind: 'staff' | 'customer' | 'system'
  actor_id: string | null
  action: string
  target: string | null
  data: Json<Record<string, unknown>>
  ip: string | null
  request_id: string | null
  created_at: Generated<Timestamp>
}

export interface EventDeliveryTable {
  tenant_id: string
  event_id: string
  hook: string
  delivered_at: Generated<Timestamp>
}

/** Core tables. Plugins type their own with `db.withTables<T>()`. */
export interface Database extends CommerceDatabase {
  core__plan: PlanTable
  core__agency: AgencyTable
  core__tenant: TenantTable
  core__tenant_domain: TenantDomainTable
  core__staff_user: StaffUserTable
  core__staff_session: StaffSessionTable
  core__staff_membership: StaffMembershipTable
  core__auth_throttle: AuthThrottleTable
  core__job: JobTable
  core__customer: CustomerTable
  core__customer_session: CustomerSessionTable
  core__agency_grant: AgencyGrantTable
  core__plugin_install: PluginInstallTable
  core__audit_log: AuditLogTable
  core__event_delivery: EventDeliveryTable
  core__page: PageTable
  core__page_version: PageVersionTable
}

export type Tenant = Selectable<TenantTable>
export type StaffUser = Selectable<StaffUserTable>
export type Customer = Selectable<CustomerTable>
export type Job = Selectable<JobTable>

export interface PageTable {
  tenant_id: string
  id: Generated<string>
  path: string
  kind: 'home' | 'custom' | 'plugin'
  plugin_id: string | null
  title: ColumnType<Record<string, string>, string | undefined, string>
  /** The page document being edited (may be invalid until published). */
  draft: ColumnType<unknown, string, string>
  draft_updated_at: Generated<Date>
  draft_updated_by: string | null
  published_version: number | null
  created_at: Generated<Date>
}

export interface PageVersionTable {
  tenant_id: string
  page_id: string
  version: number
  document: ColumnType<unknown, string, string>
  note: Generated<string>
  published_by: string | null
  published_at: Generated<Date>
}
