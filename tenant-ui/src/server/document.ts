import type { Locale } from '../shared/localized.ts'
import { APP_ELEMENT_ID, STATE_ELEMENT_ID, type StorefrontState } from '../shared/state.ts'
import type { ClientAssets } from './client-assets.ts'
import { themeCss, themePrimary, type Theme } from './theme.ts'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/**
 * JSON safe inside a `<script>` element: `<` (so `</script>` and `<!--` cannot appear) and the
 * two line separators JavaScript once disallowed are escaped.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (ch) => SCRIPT_ESCAPES[ch] ?? ch)
}

/**
 * The embedded state as `scriptJson` writes it, with the view's data serialized once per data
 * object: a page's data comes from the mall's content cache, so every render of one page version
 * (any query string, any visitor) shares the object, and its JSON is most of the state's.
 */
export function stateJson(state: StorefrontState): string {
  const { view, ...head } = state
  const { data, ...viewHead } = view
  const viewStart = `{${scriptJson(head).slice(1, -1)},"view":${scriptJson(viewHead).slice(0, -1)}`
  if (data === undefined) return `${viewStart}}}`
  return `${viewStart},"data":${dataJson(data)}}}`
}

const jsonOfData = new WeakMap<object, string>()

function dataJson(data: unknown): string {
  if (data === null || typeof data !== 'object') return scriptJson(data)
  let json = jsonOfData.get(data)
  if (json === undefined) jsonOfData.set(data, (json = scriptJson(data)))
  return json
}

const UNSAFE_IN_SCRIPT = /[<\u2028\u2029]/g
const SCRIPT_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/** What the HTML document is made of besides the app's markup. */
export interface DocumentParts {
  locale: Locale
  title: string
  description: string
  siteName: string
  ogImage: string | undefined
  /** `website` for pages, `product` for a product's page. */
  ogType?: 'website' | 'product'
  theme: Theme
  /** The scripts and styles this page loads up front. */
  assets: Pick<ClientAssets, 'entry' | 'preload' | 'css'>
  hydrationScript: string
  appHtml: string
  state: StorefrontState
}

/** The whole HTML document of a storefront page: head (SEO, theme, assets) and the app. */
export function documentHtml(parts: DocumentParts): string {
  const meta = (attr: 'name' | 'property', key: string, content: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(content)}">`
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
    `<title>${escapeHtml(parts.title)}</title>`,
    parts.description ? meta('name', 'description', parts.description) : '',
    meta('property', 'og:type', parts.ogType ?? 'website'),
    meta('property', 'og:title', parts.title),
    parts.description ? meta('property', 'og:description', parts.description) : '',
    meta('property', 'og:site_name', parts.siteName),
    meta('property', 'og:locale', parts.locale.replace('-', '_')),
    parts.ogImage ? meta('property', 'og:image', parts.ogImage) : '',
    meta('name', 'theme-color', themePrimary(parts.theme)),
    // No favicon yet: an empty one stops browsers asking for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<style>${themeCss(parts.theme)}</style>`,
    ...parts.assets.css.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    ...parts.assets.preload.map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}">`),
    parts.hydrationScript,
    `<script type="module" src="${escapeHtml(parts.assets.entry)}"></script>`,
  ].filter(Boolean)
  return `<!doctype html>
<html lang="${escapeHtml(parts.locale)}">
<head>
${head.join('\n')}
</head>
<body>
<div id="${APP_ELEMENT_ID}">${parts.appHtml}</div>
<script type="application/json" id="${STATE_ELEMENT_ID}">${stateJson(parts.state)}</script>
</body>
</html>
`
}
