import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CONSOLE_DIR, discoverConsole } from './discover.ts'

const root = mkdtempSync(join(tmpdir(), 'mallkit-console-discover-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function pkg(name: string, json: unknown, files: Record<string, string> = {}) {
  const dir = join(root, name)
  mkdirSync(join(dir, 'src'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify(json))
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text)
  return dir
}

describe('discoverConsole', () => {
  it('finds none without a package or without a console entry (the placeholder page stays)', async () => {
    expect(await discoverConsole(join(root, 'missing'))).toBeNull()
    expect(await discoverConsole(pkg('plain', { name: 'x', mallkit: {} }))).toBeNull()
  })

  it('refuses an entry whose default export is not a console', async () => {
    const dir = pkg(
      'broken',
      { name: 'x', type: 'module', mallkit: { console: './src/entry.mjs' } },
      { 'src/entry.mjs': 'export default { serve: 1 }\n' },
    )
    await expect(discoverConsole(dir)).rejects.toThrow(/no default export with serve/)
  })

  it("loads the workspace's builder, which serves nothing outside /console/", async () => {
    const found = await discoverConsole(CONSOLE_DIR)
    expect(found).not.toBeNull()
    expect(await found?.serve('/elsewhere')).toBeNull()
  })
})
