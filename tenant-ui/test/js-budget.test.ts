import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBundles } from '../src/server/build.ts'
import { initialChunks, readClientManifest } from '../src/server/client-assets.ts'
import { CLIENT_DIR } from '../src/server/paths.ts'

/** The budget: initial JavaScript of the home page, gzipped. */
const BUDGET_BYTES = 60 * 1024

describe('home page JavaScript budget', () => {
  beforeAll(() => ensureBundles(), 120_000)

  it('loads at most 60 KB of gzipped JavaScript before any lazy chunk', () => {
    const { js } = initialChunks(readClientManifest())
    expect(js[0]).toMatch(/^assets\/entry-client-[\w-]+\.js$/)
    const sizes = js.map(
      (file) => gzipSync(readFileSync(join(CLIENT_DIR, file)), { level: 9 }).length,
    )
    const total = sizes.reduce((sum, size) => sum + size, 0)
    process.stdout.write(`storefront initial JS: ${(total / 1024).toFixed(1)} KB gzipped\n`)
    // The solid runtime alone is several KB: a near-empty bundle means the build lost the app.
    expect(total).toBeGreaterThan(5 * 1024)
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES)
  })

  it('keeps zod out of the browser bundle (block components import their manifests as types)', () => {
    const { js } = initialChunks(readClientManifest())
    for (const file of js)
      expect(readFileSync(join(CLIENT_DIR, file), 'utf8'), file).not.toMatch(/\$ZodType|ZodError/)
  })

  it('counts static imports of the entry, not only the entry file', () => {
    const manifest = {
      'src/entry-client.tsx': { file: 'a.js', imports: ['_b.js'], css: ['a.css'] },
      '_b.js': { file: 'b.js', imports: ['_c.js'] },
      '_c.js': { file: 'c.js', css: ['c.css'] },
      'src/lazy.tsx': { file: 'lazy.js' },
    }
    expect(initialChunks(manifest)).toEqual({
      js: ['a.js', 'b.js', 'c.js'],
      css: ['a.css', 'c.css'],
    })
  })
})
