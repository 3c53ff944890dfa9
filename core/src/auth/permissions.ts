import type { StaffRole } from '../db/schema.ts'

export const staffRoles = [
  'owner',
  'admin',
  'operator',
  'service',
] as const satisfies readonly StaffRole[]

/** A permission's definition: who holds it by default. Plugins declare theirs in the manifest. */
export interface PermissionDefinition {
  label: string
  roles: readonly StaffRole[]
}

/** The core's permissions (`core:<resource>.<action>`). */
export const corePermissions = {
  'core:settings.manage': { label: 'Change mall settings', roles: ['owner', 'admin'] },
  'core:staff.manage': { label: 'Manage staff and roles', roles: ['owner', 'admin'] },
  'core:grants.manage': { label: 'Grant or revoke agency access', roles: ['owner'] },
  'core:plugins.manage': { label: 'Turn plugins on and off', roles: ['owner', 'admin'] },
  'core:audit.read': { label: 'Read the audit log', roles: ['owner', 'admin'] },
  'core:customers.read': {
    label: 'See customers',
    roles: ['owner', 'admin', 'operator', 'service'],
  },
  'core:customers.manage': { label: 'Edit customers', roles: ['owner', 'admin'] },
  'core:pages.manage': { label: 'Edit and publish pages', roles: ['owner', 'admin', 'operator'] },
  'core:catalog.manage': { label: 'Manage the catalog', roles: ['owner', 'admin', 'operator'] },
  'core:orders.read': { label: 'See orders', roles: ['owner', 'admin', 'operator', 'service'] },
  'core:orders.manage': { label: 'Ship, cancel and refund', roles: ['owner', 'admin', 'operator'] },
} as const satisfies Record<string, PermissionDefinition>

export type CorePermission = keyof typeof corePermissions

/** The permission names a role holds among `definitions`. */
export function permissionsOf(
  role: StaffRole,
  definitions: Record<string, PermissionDefinition>,
): Set<string> {
  const granted = new Set<string>()
  for (const [name, def] of Object.entries(definitions))
    if (def.roles.includes(role)) granted.add(name)
  return granted
}
