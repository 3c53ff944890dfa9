import { api, mallApi } from '../../../app/api.ts'
import type { Role } from './staff-strings.ts'

export interface Member {
  userId: string
  email: string
  name: string
  role: Role
  since: string
}

export interface PermissionRow {
  name: string
  label: string
  plugin: { id: string; name: { en: string; 'zh-CN': string } } | null
  roles: Role[]
}

/** The staff screen's calls to the mall's admin API. */
export const staffApi = {
  members: (slug: string) => api<{ items: Member[] }>(mallApi(slug, '/staff')),
  add: (slug: string, body: { email: string; name: string; password?: string; role: Role }) =>
    api<Member>(mallApi(slug, '/staff'), { method: 'POST', body }),
  setRole: (slug: string, userId: string, role: Role) =>
    api<Member>(mallApi(slug, `/staff/${userId}`), { method: 'PUT', body: { role } }),
  remove: (slug: string, userId: string) =>
    api<void>(mallApi(slug, `/staff/${userId}`), { method: 'DELETE' }),
  permissions: (slug: string) =>
    api<{ roles: Role[]; items: PermissionRow[] }>(mallApi(slug, '/permissions')),
}

export const roles: readonly Role[] = ['owner', 'admin', 'operator', 'service']
