import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { withDatabase } from '../../test/global-setup.ts'
import { freePort } from '../../test/start-mallkit.ts'

/**
 * Acceptance: two real core processes on one PostgreSQL. A page and a catalog answer cached by
 * process B show a change made through process A on B's next request, because the change's
 * notification reaches B's listener. PostgreSQL only: PGlite is a single process.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const OWNER = { email: 'owner@demo.mallkit.dev', password: 'mallkit-owner' }
const onPostgres = process.env.MALLKIT_TEST_DB === 'postgres'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/** One `pnpm start` process on `databaseUrl`. */
async function startCore(databaseUrl: string, dataDir: string) {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'core/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      MALLKIT_SEED_DEMO: 'true',
      MALLKIT_WORKER: 'false',
      MALLKIT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  child.stderr?.on('data', (chunk) => (output += String(chunk)))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const deadline = Date.now() + 90_000
  while (!output.includes('Mallkit is running')) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGTERM')
      throw new Error(`server did not start:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const call = (
    method: string,
    path: string,
    options: { host?: string; body?: unknown; cookie?: string } = {},
  ) =>
    new Promise<Answer>((resolve, reject) => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body)
      const req = httpRequest(
        `http://127.0.0.1:${port}${path}`,
        {
          method,
          headers: {
            host: `${options.host ?? 'localhost'}:${port}`,
            'sec-fetch-site': 'same-origin',
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(options.cookie ? { cookie: options.cookie } : {}),
          },
        },
        (res) => {
          let text = ''
          res.on('data', (chunk) => (text += String(chunk)))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  return {
    call,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

type Core = Awaited<ReturnType<typeof startCore>>

describe.skipIf(!onPostgres)('caches across two processes on one PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-two-'))
  const database = `mk_two_${randomBytes(6).toString('hex')}`
  let serverUrl: string
  let a: Core | undefined
  let b: Core | undefined

  beforeAll(async () => {
    serverUrl = inject('postgresUrl')
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`create database ${database} template mallkit_template`)
    await admin.end()
    const url = withDatabase(serverUrl, database)
    // One after the other: the first migrates the plugins and seeds the demo mall.
    a = await startCore(url, join(dataDir, 'a'))
    b = await startCore(url, join(dataDir, 'b'))
  }, 180_000)

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${database} with (force)`)
    await admin.end()
    rmSync(dataDir, { recursive: true, force: true })
  }, 60_000)

  it("shows a product retitled through A on B's next request", async () => {
    if (!a || !b) throw new Error('not started')
    const onB = (path: string) => b!.call('GET', path, { host: 'demo.localhost' })
    const newest = JSON.parse((await onB('/api/store/products?sort=newest&limit=1')).text) as {
      items: { id: string; title: { 'zh-CN': string } }[]
    }
    const product = newest.items[0]
    if (!product) throw new Error('the demo mall has no products')
    const detailPath = `/api/store/products/${product.id}`

    // Warm B: the home page (its grid shows the newest products) and the product's answer.
    const home = await onB('/')
    expect(home.text).toContain(`>${product.title['zh-CN']}</span>`)
    expect((await onB('/')).headers['x-mallkit-cache']).toBe('hit')
    await onB(detailPath)
    expect((await onB(detailPath)).headers['x-mallkit-cache']).toBe('hit')
    const productPage = `/products/${product.id}`
    expect((await onB(productPage)).text).toContain(product.title['zh-CN'])
    expect((await onB(productPage)).headers['x-mallkit-cache']).toBe('hit')

    const login = await a.call('POST', '/api/platform/auth/login', { body: OWNER })
    expect(login.status).toBe(200)
    const setCookie = login.headers['set-cookie'] ?? []
    const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie])
      .map((line) => line.split(';')[0])
      .join('; ')
    const admin = `/s/demo/api/admin/products/${product.id}`
    const current = JSON.parse((await a.call('GET', admin, { cookie })).text) as {
      title: Record<string, string>
      skus: { id: string; spec: Record<string, string>; code: string | null; price: number }[]
      images: { id: string }[]
    } & Record<string, unknown>
    const title = { 'zh-CN': '跨进程新标题', en: 'Retitled across processes' }
    const replaced = await a.call('PUT', admin, {
      cookie,
      body: {
        title,
        subtitle: current.subtitle,
        description: current.description,
        categoryId: current.categoryId,
        tags: current.tags,
        status: current.status,
        afterSales: current.afterSales,
        specOptions: current.specOptions,
        skus: current.skus,
        imageIds: current.images.map((image) => image.id),
      },
    })
    expect(replaced.status).toBe(200)

    const page = await onB('/')
    expect(page.headers['x-mallkit-cache']).not.toBe('hit')
    expect(page.text).toContain(`>${title['zh-CN']}</span>`)
    expect(page.text).not.toContain(`>${product.title['zh-CN']}</span>`)
    const detail = JSON.parse((await onB(detailPath)).text) as { title: { en: string } }
    expect(detail.title.en).toBe(title.en)
    // The product's own page, server-rendered by B, names it anew.
    const shown = await onB(productPage)
    expect(shown.headers['x-mallkit-cache']).not.toBe('hit')
    expect(shown.text).toContain(`class="mk-product__name">${title['zh-CN']}</h1>`)
    expect(shown.text).toContain(`<title>${title['zh-CN']} - `)
  }, 60_000)
})
