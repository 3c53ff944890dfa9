import { pathToFileURL } from 'node:url'
import { statSync } from 'node:fs'
import type { StorefrontRenderInput } from '../../../core/src/storefront/facet.ts'
import type { Locale } from '../shared/localized.ts'
import { pick } from '../shared/localized.ts'
import type { StorefrontState } from '../shared/state.ts'
import { mallHref } from '../shared/format.ts'
import type { ClientAssets } from './client-assets.ts'
import { documentHtml } from './document.ts'
import { loadBlockData } from './loaders/index.ts'
import { BUILD_STAMP, SERVER_ENTRY } from './paths.ts'

/** The server bundle's API (`src/entry-server.tsx`). */
export interface ServerEntry {
  renderApp(state: StorefrontState): { html: string; hydrationScript: string }
}

/** Imports the server bundle of the current build (a rebuild is imported afresh). */
export async function importServerEntry(): Promise<ServerEntry> {
  const version = Math.round(statSync(BUILD_STAMP).mtimeMs)
  return (await import(`${pathToFileURL(SERVER_ENTRY).href}?v=${version}`)) as ServerEntry
}

const LOCALES: readonly Locale[] = ['zh-CN', 'en']
const asLocale = (value: string | undefined): Locale | undefined =>
  LOCALES.find((locale) => locale === value)

/**
 * Renders a published page: block loaders fetch their data in one transaction of the mall, then
 * Solid renders the app (with hydration keys) outside it, and the document wraps it.
 */
export async function renderPage(
  input: StorefrontRenderInput,
  entry: ServerEntry,
  assets: ClientAssets,
): Promise<string> {
  const locale = asLocale(input.locale) ?? asLocale(input.tenant.default_locale) ?? 'zh-CN'
  const { root } = input.page.document
  const blocks = await input.inMall((ctx) =>
    loadBlockData(ctx, input.page.document.blocks, { locale, view: input.view }),
  )
  const state: StorefrontState = {
    locale,
    base: input.base,
    mall: { name: input.tenant.name, slug: input.tenant.slug },
    blocks,
  }
  const { html, hydrationScript } = entry.renderApp(state)
  const pageTitle = pick(root.title, locale)
  return documentHtml({
    locale,
    title:
      pageTitle && pageTitle !== input.tenant.name
        ? `${pageTitle} - ${input.tenant.name}`
        : input.tenant.name,
    description: pick(root.seo.description, locale),
    siteName: input.tenant.name,
    ogImage: root.seo.ogImage ? mallHref(input.base, root.seo.ogImage) : undefined,
    theme: root.theme,
    assets,
    hydrationScript,
    appHtml: html,
    state,
  })
}
