import { request as httpRequest } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit } from '../test/start-mallkit.ts'

describe('pnpm start', () => {
  let dataDir: string
  let port: number
  let base: string
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mallkit-start-'))
    port = await freePort()
    base = `http://127.0.0.1:${port}`
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  /** fetch() cannot set Host, so requests go through node:http. */
  function call(
    method: string,
    path: string,
    options: { host?: string; headers?: Record<string, string>; body?: unknown } = {},
  ) {
    return new Promise<{
      status: number
      headers: Record<string, string | string[] | undefined>
      text: string
    }>((resolve, reject) => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body)
      const req = httpRequest(
        `${base}${path}`,
        {
          method,
          headers: {
            host: options.host ?? 'localhost',
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...options.headers,
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
  }
  const get = (path: string, host?: string) => call('GET', path, { ...(host ? { host } : {}) })

  it('serves the seeded demo mall, keeps its data across a restart and stops on SIGTERM', async () => {
    const first = await startMallkit(dataDir, port, { logLevel: 'info' })
    try {
      expect(first.output()).toContain(`http://demo.localhost:${port}/`)
      expect(first.output()).toContain('owner@demo.mallkit.dev')
      expect((await get('/healthz')).status).toBe(200)
      expect((await get('/readyz')).status).toBe(200)
      const byHost = await get('/', `demo.localhost:${port}`)
      expect(byHost.status).toBe(200)
      expect(byHost.text).toContain('Mallkit 演示商城')
      // The storefront: the published home page, products and prices in the HTML itself.
      const newest = JSON.parse(
        (await get('/api/store/products?sort=newest&limit=4', `demo.localhost:${port}`)).text,
      ) as { items: { title: { 'zh-CN': string }; priceMin: number }[] }
      expect(newest.items).toHaveLength(4)
      for (const item of newest.items) {
        expect(byHost.text).toContain(`>${item.title['zh-CN']}</span>`)
        expect(byHost.text).toContain(`>¥${(item.priceMin / 100).toFixed(2)}</span>`)
      }
      expect(byHost.text).toContain('<html lang="zh-CN">')
      expect(byHost.text).toContain('data-hk=')
      expect(byHost.text).toContain('window._$HY')
      const entry = /<script type="module" src="(\/_mk\/assets\/[\w.-]+\.js)"><\/script>/.exec(
        byHost.text,
      )?.[1]
      expect(entry).toBeDefined()
      const script = await get(entry ?? '', `demo.localhost:${port}`)
      expect(script.status).toBe(200)
      expect(script.headers['content-type']).toMatch(/^text\/javascript/)
      expect(script.headers['cache-control']).toContain('immutable')
      expect((await get('/s/demo/')).status).toBe(200)
      expect((await get('/console/')).text).toContain('Mallkit console')
      const unknown = await get('/', 'nobody.localhost')
      expect(unknown.status).toBe(404)
      expect(unknown.headers['content-type']).toBe('application/problem+json')
      expect((JSON.parse(unknown.text) as { code: string }).code).toBe('tenant_not_found')
      const openapi = JSON.parse((await get('/api/openapi.json')).text) as {
        openapi: string
        paths: object
      }
      expect(openapi.openapi).toMatch(/^3\./)
      expect(Object.keys(openapi.paths)).toContain('/api/admin/settings')

      const login = await call('POST', '/api/platform/auth/login', {
        body: { email: 'owner@demo.mallkit.dev', password: 'mallkit-owner' },
      })
      expect(login.status).toBe(200)
      const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? ''
      const renamed = await call('PATCH', '/s/demo/api/admin/settings', {
        headers: { cookie },
        body: { name: 'Renamed before restart' },
      })
      expect(renamed.status).toBe(200)
    } finally {
      void first.stop()
    }
    expect(await first.stop()).toBe(0)
    expect(first.output()).toMatch(/"msg":"stopped"/)

    const second = await startMallkit(dataDir, port, { logLevel: 'info' })
    try {
      expect(second.output()).toMatch(/"seeded":false/)
      expect((await get('/s/demo/')).text).toContain('Renamed before restart')
    } finally {
      void second.stop()
    }
    expect(await second.stop()).toBe(0)
  }, 120_000)
})
