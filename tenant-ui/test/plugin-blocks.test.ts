import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { buildBundles } from '../src/server/build.ts'
import { initialChunks } from '../src/server/client-assets.ts'
import { pluginBlocksFacets, pluginBlocksModule } from '../src/server/plugin-blocks.ts'
import { PACKAGE_DIR } from '../src/server/paths.ts'
import type { ServerEntry } from '../src/server/render.ts'
import type { StorefrontState } from '../src/shared/state.ts'

const FIXTURE_PLUGINS = join(import.meta.dirname, 'fixtures', 'plugins')

describe('plugin block facets', () => {
  // Inside the package, so the server bundle resolves solid-js from tenant-ui/node_modules.
  const cache = join(PACKAGE_DIR, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const distDir = mkdtempSync(join(cache, 'plugin-build-'))
  afterAll(() => rmSync(distDir, { recursive: true, force: true }))

  it('finds the packages that declare a blocks module and imports each in order', () => {
    const facets = pluginBlocksFacets(FIXTURE_PLUGINS)
    expect(facets).toEqual([
      { folder: 'gift', module: join(FIXTURE_PLUGINS, 'gift', 'blocks.tsx') },
    ])
    expect(pluginBlocksModule(facets)).toBe(
      `import facet0 from ${JSON.stringify(facets[0]?.module)}\nexport default [facet0]`,
    )
    expect(pluginBlocksModule([])).toBe('export default []')
    expect(pluginBlocksFacets(join(FIXTURE_PLUGINS, 'missing'))).toEqual([])
  })

  it('builds the installed plugins’ blocks into both bundles, rendered by their block type', async () => {
    await buildBundles({ pluginsDir: FIXTURE_PLUGINS, distDir })
    const entry = (await import(
      pathToFileURL(join(distDir, 'server', 'entry-server.js')).href
    )) as ServerEntry
    const state: StorefrontState = {
      locale: 'en',
      defaultLocale: 'en',
      base: '',
      mall: { name: 'Gift shop', slug: 'gift', currency: 'CNY' },
      view: {
        kind: 'page',
        params: {},
        query: {},
        data: {
          blocks: [
            { id: 'g', type: 'gift/gift-card', props: { text: 'ten yuan' } },
            { id: 'u', type: 'other/unknown', props: {} },
          ],
        },
      },
    }
    const { html } = entry.renderApp(state)
    expect(html).toMatch(
      /<p[^>]*class="gift-fixture"[^>]*>Gift card: <!--\$-->ten yuan<!--\/-->|Gift card: ten yuan/,
    )
    // The browser's registry has it too: the component is in the initial (home page) bundle.
    const manifest = JSON.parse(
      readFileSync(join(distDir, 'client', '.vite', 'manifest.json'), 'utf8'),
    ) as Parameters<typeof initialChunks>[0]
    const initial = initialChunks(manifest).js.map((file) =>
      readFileSync(join(distDir, 'client', file), 'utf8'),
    )
    expect(initial.join('\n')).toContain('gift-fixture')
  }, 180_000)
})
