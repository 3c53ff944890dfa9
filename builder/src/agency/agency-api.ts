import { api } from '../app/api.ts'
import type { Me } from '../app/session.ts'
import type { ListPage } from '../kit/ListView.tsx'

/** An agency the staff member belongs to (`agencies` of `GET /api/platform/me`). */
export type AgencyMembership = Me['agencies'][number]

/** A client mall as the agency API answers it. */
export interface ClientMall {
  id: string
  slug: string
  name: string
  status: 'active' | 'suspended'
  planId: string
  defaultLocale: string
  currency: string
  timezone: string
  domains: string[]
  grant: 'active' | 'revoked' | 'none'
  owners: { email: string; name: string }[]
  /** Someone outside the agency owns it: it cannot be handed over again. */
  handedOver: boolean
  createdAt: string
}

/** A saved mall template. */
export interface MallTemplate {
  id: string
  name: string
  description: string
  sourceMall: { id: string; slug: string; name: string } | null
  theme: { primary?: string }
  pages: string[]
  plugins: string[]
  createdAt: string
}

export interface Plan {
  id: string
  name: string
  allowedPlugins: string[]
}

/** What creating a client mall sends. */
export interface NewClientMall {
  slug: string
  name: string
  planId: string
  defaultLocale: 'zh-CN' | 'en'
  templateId?: string
  owner: { email: string; name: string; password?: string }
}

/** The agencies in `me`. */
export function agenciesOf(me: Me | null | undefined): AgencyMembership[] {
  return me?.agencies ?? []
}

/** Agencies whose client malls the staff member may manage (owners and admins). */
export const managedAgencies = (me: Me | null | undefined) =>
  agenciesOf(me).filter((a) => a.role === 'owner' || a.role === 'admin')

const base = (agencyId: string) => `/api/platform/agencies/${encodeURIComponent(agencyId)}`
const mallPath = (agencyId: string, tenantId: string) =>
  `${base(agencyId)}/malls/${encodeURIComponent(tenantId)}`

/** The agency console API (`/api/platform/agencies/{id}/…`). */
export const agencyApi = {
  malls: (agencyId: string, query: URLSearchParams) =>
    api<ListPage<ClientMall>>(`${base(agencyId)}/malls?${query}`),
  mall: (agencyId: string, tenantId: string) => api<ClientMall>(mallPath(agencyId, tenantId)),
  create: (agencyId: string, body: NewClientMall) =>
    api<ClientMall>(`${base(agencyId)}/malls`, { method: 'POST', body }),
  update: (agencyId: string, tenantId: string, body: { planId?: string; status?: string }) =>
    api<ClientMall>(mallPath(agencyId, tenantId), { method: 'PATCH', body }),
  addDomain: (agencyId: string, tenantId: string, host: string) =>
    api<ClientMall>(`${mallPath(agencyId, tenantId)}/domains`, { method: 'POST', body: { host } }),
  removeDomain: (agencyId: string, tenantId: string, host: string) =>
    api<ClientMall>(`${mallPath(agencyId, tenantId)}/domains/${encodeURIComponent(host)}`, {
      method: 'DELETE',
    }),
  handOver: (
    agencyId: string,
    tenantId: string,
    owner: { email: string; name: string; password?: string },
  ) => api<ClientMall>(`${mallPath(agencyId, tenantId)}/owner`, { method: 'PUT', body: owner }),
  giveUpGrant: (agencyId: string, tenantId: string) =>
    api<ClientMall>(`${mallPath(agencyId, tenantId)}/grant`, { method: 'DELETE' }),
  templates: (agencyId: string, query: URLSearchParams) =>
    api<ListPage<MallTemplate>>(`${base(agencyId)}/templates?${query}`),
  saveTemplate: (
    agencyId: string,
    body: { tenantId: string; name: string; description?: string },
  ) => api<MallTemplate>(`${base(agencyId)}/templates`, { method: 'POST', body }),
  deleteTemplate: (agencyId: string, templateId: string) =>
    api<void>(`${base(agencyId)}/templates/${encodeURIComponent(templateId)}`, {
      method: 'DELETE',
    }),
  plans: (agencyId: string) => api<{ items: Plan[] }>(`${base(agencyId)}/plans`),
}
