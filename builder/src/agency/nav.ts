import { navigate, routePath } from '../app/router.ts'

/** The href of an agency screen (`path` below `/console/agency`). */
export const agencyHref = (path: readonly string[]) => routePath({ screen: 'agency', path })

/** Goes to an agency screen. */
export const goAgency = (path: readonly string[], options: { replace?: boolean } = {}) =>
  navigate({ screen: 'agency', path }, options)

/** A click handler that follows `path` inside the app instead of reloading the page. */
export const follow = (path: readonly string[]) => (event: MouseEvent) => {
  event.preventDefault()
  goAgency(path)
}
