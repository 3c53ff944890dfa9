import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from './main.ts'

/** Runs the CLI in-process against an embedded database folder, capturing its output. */
async function mall(...argv: string[]) {
  let out = ''
  let err = ''
  const stdout = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((out += String(chunk)), true))
  const stderr = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((err += String(chunk)), true))
  try {
    const code = await runCli(argv)
    return { code, out, err }
  } finally {
    stdout.mockRestore()
    stderr.mockRestore()
  }
}

describe('pnpm mall', () => {
  let dataDir: string
  const saved = { ...process.env }
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mallkit-cli-'))
    process.env.MALLKIT_DATA_DIR = dataDir
    process.env.LOG_LEVEL = 'silent'
    delete process.env.DATABASE_URL
  })
  afterAll(() => {
    process.env = saved
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('prints help for every command and exits 0', async () => {
    const top = await mall('--help')
    expect(top.code).toBe(0)
    expect(top.out).toMatch(/migrate[\s\S]*seed[\s\S]*tenant[\s\S]*user[\s\S]*plugin/)
    const create = await mall('tenant', 'create', '--help')
    expect(create.out).toContain('--owner-email')
  })

  it('migrates, creates a mall and lists it', async () => {
    expect((await mall('migrate')).code).toBe(0)
    const created = await mall(
      'tenant',
      'create',
      '--slug',
      'shop',
      '--name',
      'Shop',
      '--owner-email',
      'o@shop.dev',
      '--owner-password',
      'long-enough-1',
    )
    expect(created).toMatchObject({ code: 0, err: '' })
    expect((await mall('tenant', 'list')).out).toMatch(/^shop\tactive\tstandard\tShop$/m)
  })

  it('names the bad flag and exits non-zero, writing nothing', async () => {
    const bad = await mall(
      'tenant',
      'create',
      '--slug',
      'Bad Slug',
      '--name',
      'X',
      '--owner-email',
      'not-an-email',
    )
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/--slug: .*\n--owner-email: /)
    expect((await mall('tenant', 'list')).out).not.toContain('Bad')
  })

  it('refuses unknown malls, plugins and commands with a message', async () => {
    expect(await mall('plugin', 'enable', 'nope', '--tenant', 'shop')).toMatchObject({
      code: 1,
      err: 'error: No plugin "nope" is installed\n',
    })
    expect(await mall('tenant', 'status', 'ghost', 'suspended')).toMatchObject({
      code: 1,
      err: 'error: No mall is called "ghost"\n',
    })
    expect((await mall('bogus')).code).not.toBe(0)
  })

  it('creates a staff account with a role in a mall', async () => {
    const user = await mall(
      'user',
      'create',
      '--email',
      'S@Shop.dev',
      '--name',
      'S',
      '--password',
      'long-enough-2',
      '--tenant',
      'shop',
      '--role',
      'service',
    )
    expect(user.out).toMatch(/^Created s@shop\.dev/)
    const again = await mall(
      'user',
      'create',
      '--email',
      's@shop.dev',
      '--name',
      'S',
      '--password',
      'long-enough-2',
    )
    expect(again.out).toMatch(/^Found s@shop\.dev/)
  })
})
