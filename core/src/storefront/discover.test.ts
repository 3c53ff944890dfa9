import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { demoHomePage } from '../demo/seed-home.ts'
import { createBlockRegistry } from '../page/registry.ts'
import { validatePage } from '../page/validate.ts'
import { discoverStorefront, STOREFRONT_DIR } from './discover.ts'

const root = mkdtempSync(join(tmpdir(), 'mallkit-discover-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function pkg(name: string, json: unknown, files: Record<string, string> = {}) {
  const dir = join(root, name)
  mkdirSync(join(dir, 'src'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify(json))
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text)
  return dir
}

describe('discoverStorefront', () => {
  it('finds none without a package or without a storefront entry', async () => {
    expect(await discoverStorefront(join(root, 'missing'))).toBeNull()
    expect(await discoverStorefront(pkg('plain', { name: 'x', mallkit: {} }))).toBeNull()
  })

  it('refuses an entry whose default export is not a storefront', async () => {
    const dir = pkg(
      'broken',
      { name: 'x', type: 'module', mallkit: { storefront: './src/entry.mjs' } },
      { 'src/entry.mjs': 'export default { render: 1 }\n' },
    )
    await expect(discoverStorefront(dir)).rejects.toThrow(/no default export with render/)
  })

  it("loads the workspace's tenant-ui with the core blocks", async () => {
    const storefront = await discoverStorefront(STOREFRONT_DIR)
    expect(storefront).not.toBeNull()
    // tenant-ui's own test pins the list of blocks; here they must carry the demo mall's home page.
    const registry = createBlockRegistry(storefront?.coreBlocks ?? {}, [])
    expect(validatePage(demoHomePage([]), registry).problems).toEqual([])
  })
})
