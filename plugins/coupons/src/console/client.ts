import { api, mallApi } from '../../../../builder/src/app/api.ts'
import type { ListPage } from '../../../../builder/src/kit/ListView.tsx'
import type { Report, TemplateEdit, TemplateInput, TemplateView } from '../server/schemas.ts'

export type { Report, TemplateEdit, TemplateInput, TemplateView }
export type TemplateStatus = TemplateView['status']
export type StatusAction = 'publish' | 'pause' | 'resume' | 'end'

/** A customer as the core's `/api/admin/customers` lists them. */
export interface Customer {
  id: string
  email: string | null
  phone: string | null
  name: string
}

/** What staff issue answers: who got the coupon and who was refused, with the reason. */
export interface IssueResult {
  issued: { customerId: string; couponId: string; created: boolean }[]
  refused: { customerId: string; code: string; detail: string }[]
}

/** The permissions the console's screens check (`<pluginId>:<name>` from the manifest). */
export const MANAGE = 'coupons:coupons.manage'
export const ISSUE = 'coupons:coupons.issue'

/** The coupons plugin's admin API of the mall `slug`. */
const coupons = (slug: string, path: string) => mallApi(slug, `/p/coupons${path}`)

export const listTemplates = (slug: string, query: URLSearchParams) =>
  api<ListPage<TemplateView>>(coupons(slug, `/templates?${query}`))

export const getTemplate = (slug: string, id: string) =>
  api<TemplateView>(coupons(slug, `/templates/${encodeURIComponent(id)}`))

export const createTemplate = (slug: string, body: TemplateInput) =>
  api<TemplateView>(coupons(slug, '/templates'), { method: 'POST', body })

export const editTemplate = (slug: string, id: string, body: TemplateEdit) =>
  api<TemplateView>(coupons(slug, `/templates/${encodeURIComponent(id)}`), {
    method: 'PATCH',
    body,
  })

export const changeStatus = (slug: string, id: string, action: StatusAction) =>
  api<TemplateView>(coupons(slug, `/templates/${encodeURIComponent(id)}/${action}`), {
    method: 'POST',
  })

export const reportOf = (slug: string, id: string) =>
  api<Report>(coupons(slug, `/templates/${encodeURIComponent(id)}/report`))

export const searchCustomers = (slug: string, q: string) =>
  api<ListPage<Customer>>(mallApi(slug, `/customers?${new URLSearchParams({ q, limit: '10' })}`))

/**
 * Issues the coupon to `customerIds`. `key` is the Idempotency-Key of this one issue: a retry
 * with the same key (a double click, a lost answer) issues nothing more.
 */
export async function issueCoupon(
  slug: string,
  id: string,
  customerIds: readonly string[],
  key: string,
): Promise<IssueResult> {
  return api<IssueResult>(coupons(slug, `/templates/${encodeURIComponent(id)}/issue`), {
    method: 'POST',
    headers: { 'idempotency-key': key },
    body: { customerIds },
  })
}
