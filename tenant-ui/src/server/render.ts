import { pathToFileURL } from 'node:url'
import { statSync } from 'node:fs'
import type {
  StorefrontRenderInput,
  StorefrontResponse,
} from '../../../core/src/storefront/facet.ts'
import { publishedPageAt } from '../../../core/src/page-store/pages.ts'
import type { PageDocument } from '../../../core/src/page/document.ts'
import type { MallContext } from '../../../core/src/context.ts'
import { pick } from '../shared/localized.ts'
import { matchRoute, viewModule, type ViewKind } from '../shared/routes.ts'
import type { StorefrontState, ViewState } from '../shared/state.ts'
import { mallHref } from '../shared/format.ts'
import { inLocale } from '../shared/i18n.ts'
import { common } from '../app/ui/common-messages.ts'
import { viewLoaders } from '../views/loaders.ts'
import type { ClientAssets } from './client-assets.ts'
import { documentHtml } from './document.ts'
import { loadBlockData } from './loaders/index.ts'
import { BUILD_STAMP, SERVER_ENTRY } from './paths.ts'
import type { LoadedView } from './view-loader.ts'

/** The server bundle's API (`src/entry-server.tsx`). */
export interface ServerEntry {
  renderApp(state: StorefrontState): { html: string; hydrationScript: string }
}

/** Imports the server bundle of the current build (a rebuild is imported afresh). */
export async function importServerEntry(): Promise<ServerEntry> {
  const version = Math.round(statSync(BUILD_STAMP).mtimeMs)
  return (await import(`${pathToFileURL(SERVER_ENTRY).href}?v=${version}`)) as ServerEntry
}

/** What a request renders: a view with its head, and the page root its theme and SEO come from. */
interface Resolved {
  status: 200 | 404
  kind: ViewKind
  params: Record<string, string>
  loaded: LoadedView<unknown>
  /** The published page's root (or the home page's, for the storefront's own views). */
  root: PageDocument['root'] | undefined
  ogType?: 'website' | 'product'
}

/**
 * Loads what the request shows, in one transaction of the mall: a storefront view (product,
 * cart…) through its loader, else the published page's blocks, else the not-found page.
 */
async function resolve(ctx: MallContext, input: StorefrontRenderInput): Promise<Resolved> {
  const locale = input.locale
  const home = async () => (await publishedPageAt(ctx, '/'))?.document.root
  const notFound = async (): Promise<Resolved> => ({
    status: 404,
    kind: 'not-found',
    params: {},
    loaded: { title: inLocale(common, locale).notFoundTitle, data: null },
    root: await home(),
  })
  const match = matchRoute(input.path)
  if (match && match.kind !== 'page' && match.kind !== 'not-found') {
    const loaded = await viewLoaders[match.kind](ctx, {
      params: match.params,
      query: input.query,
      locale,
      view: input.view,
      base: input.base,
    })
    if (!loaded) return notFound()
    return {
      status: 200,
      kind: match.kind,
      params: match.params,
      loaded,
      root: await home(),
      ogType: match.kind === 'product' ? 'product' : 'website',
    }
  }
  if (!input.page) return notFound()
  const { root, blocks } = input.page.document
  return {
    status: 200,
    kind: 'page',
    params: {},
    loaded: {
      title: pick(root.title, locale),
      description: pick(root.seo.description, locale),
      ogImage: root.seo.ogImage,
      data: { blocks: await loadBlockData(ctx, blocks, { locale, view: input.view }) },
    },
    root,
  }
}

/** `href` as an absolute URL: link previews (Open Graph) need one. */
const absoluteUrl = (origin: string, href: string): string => new URL(href, origin).toString()

/**
 * What `resolve` reads depends on, as the key of its answer in the mall's content cache: a view
 * depends on its path and query; a published page on its version alone (its blocks never read the
 * query), so `?utm_source=…` or any other parameter renders from the same data.
 */
function dataKey(input: StorefrontRenderInput): string {
  const where = `${input.locale} ${input.base}`
  const match = matchRoute(input.path)
  if (match) {
    const query = new URLSearchParams(input.query)
    query.sort()
    return `view ${input.path}?${query.toString()} ${where}`
  }
  return `page ${input.path} ${input.page ? `${input.page.id}@${input.page.version}` : 'none'} ${where}`
}

/**
 * Renders a storefront request: the data is loaded in one transaction of the mall, then Solid
 * renders the app (with hydration keys) outside it, and the document wraps it with the view's
 * head, the mall's theme and the view's chunk preloaded.
 */
export async function renderRequest(
  input: StorefrontRenderInput,
  entry: ServerEntry,
  assets: ClientAssets,
): Promise<StorefrontResponse> {
  const { locale, tenant } = input
  const resolved = await input.cached(dataKey(input), () =>
    input.inMall((ctx) => resolve(ctx, input)),
  )
  const view: ViewState = {
    kind: resolved.kind,
    params: resolved.params,
    query: Object.fromEntries(input.query),
    data: resolved.loaded.data,
  }
  const state: StorefrontState = {
    locale,
    defaultLocale: tenant.default_locale === 'en' ? 'en' : 'zh-CN',
    base: input.base,
    mall: { name: tenant.name, slug: tenant.slug, currency: tenant.currency },
    view,
  }
  const { html, hydrationScript } = entry.renderApp(state)
  const title = resolved.loaded.title
  const lazy =
    resolved.kind === 'page' ? { preload: [], css: [] } : assets.lazy(viewModule(resolved.kind))
  const ogImage = resolved.loaded.ogImage ?? resolved.root?.seo.ogImage
  return {
    status: resolved.status,
    html: documentHtml({
      locale,
      title: title && title !== tenant.name ? `${title} - ${tenant.name}` : tenant.name,
      description: resolved.loaded.description || pick(resolved.root?.seo.description, locale),
      siteName: tenant.name,
      ogImage: ogImage ? absoluteUrl(input.origin, mallHref(input.base, ogImage)) : undefined,
      ogType: resolved.ogType ?? 'website',
      theme: resolved.root?.theme ?? {},
      assets: {
        entry: assets.entry,
        preload: [...assets.preload, ...lazy.preload],
        css: [...assets.css, ...lazy.css],
      },
      hydrationScript,
      appHtml: html,
      state,
    }),
  }
}
