import { isOwnPath } from '../../../tenant-ui/src/shared/routes.ts'

/** The paths a page may live at (the core's `PAGE_PATH`). */
const PAGE_PATH = /^\/([a-z0-9][a-z0-9/-]{0,120})?$/

/** Why `path` cannot be a new page's path, or null: the form says it before the server would. */
export function pathProblem(
  path: string,
  taken: readonly string[],
): 'bad' | 'own' | 'taken' | null {
  if (!PAGE_PATH.test(path) || (path !== '/' && path.endsWith('/')) || path.includes('//'))
    return 'bad'
  if (isOwnPath(path)) return 'own'
  return taken.includes(path) ? 'taken' : null
}

/** A path suggested from a title: `Summer sale!` → `/summer-sale`. */
export function suggestPath(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug ? `/${slug}` : ''
}
