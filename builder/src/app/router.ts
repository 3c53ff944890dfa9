import { createSignal } from 'solid-js'

/** Where the console lives; its routes are paths below it. */
export const BASE = '/console'

/** One of the console's screens, from the URL. */
export type Route =
  | { screen: 'login' }
  | { screen: 'malls' }
  | { screen: 'pages'; slug: string }
  | { screen: 'plugins'; slug: string }
  | { screen: 'editor'; slug: string; pageId: string }
  /** A section of a mall's console (`sections/`): store management and plugin screens. */
  | { screen: 'section'; slug: string; section: string; path: readonly string[] }
  /** The agency's screens: client malls and templates. */
  | { screen: 'agency'; path: readonly string[] }

/** The route at `path` (a pathname under `/console`). */
export function parseRoute(path: string): Route {
  const parts = path
    .slice(BASE.length)
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part))
  if (parts[0] === 'login') return { screen: 'login' }
  if (parts[0] === 'agency') return { screen: 'agency', path: parts.slice(1) }
  if (parts[0] === 'malls' && parts[1]) {
    const slug = parts[1]
    if (parts[2] === 'pages' && parts[3]) return { screen: 'editor', slug, pageId: parts[3] }
    if (parts[2] === 'plugins') return { screen: 'plugins', slug }
    if (parts[2] && parts[2] !== 'pages')
      return { screen: 'section', slug, section: parts[2], path: parts.slice(3) }
    return { screen: 'pages', slug }
  }
  return { screen: 'malls' }
}

/** The path of a route. */
export function routePath(route: Route): string {
  const slug = 'slug' in route ? encodeURIComponent(route.slug) : ''
  switch (route.screen) {
    case 'login':
      return `${BASE}/login`
    case 'malls':
      return `${BASE}/`
    case 'pages':
      return `${BASE}/malls/${slug}`
    case 'plugins':
      return `${BASE}/malls/${slug}/plugins`
    case 'editor':
      return `${BASE}/malls/${slug}/pages/${encodeURIComponent(route.pageId)}`
    case 'section':
      return `${BASE}/malls/${slug}/${[route.section, ...route.path].map(encodeURIComponent).join('/')}`
    case 'agency':
      return `${BASE}/agency${route.path.map((part) => `/${encodeURIComponent(part)}`).join('')}`
  }
}

const [route, setRoute] = createSignal<Route>(parseRoute(location.pathname))
window.addEventListener('popstate', () => setRoute(parseRoute(location.pathname)))

/** The current route (reactive). */
export { route }

/** Goes to `next`, adding a history entry (or replacing the current one). */
export function navigate(next: Route, options: { replace?: boolean } = {}) {
  const path = routePath(next)
  if (options.replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  setRoute(next)
}
