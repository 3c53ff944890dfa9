import type { Context } from 'hono'

/**
 * The prefix media URLs need on this request: none on the mall's own host, `/s/<slug>` when the
 * mall is reached by path on the platform host (the file route is mounted under the mall).
 */
export function mediaBase(c: Context): string {
  return c.get('tenantVia') === 'path' ? `/s/${c.get('tenant').slug}` : ''
}
