import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore, type TestMall } from '../../test/app.ts'
import { resolveTenant, type Resolution } from './resolve.ts'

/**
 * Host → mall answers are remembered per process and forgotten on any committed change to a mall
 * row or a custom domain, so suspension and domain removal apply to the very next request.
 */
describe('tenant resolution cache', () => {
  let core: TestCore
  let mall: TestMall
  const resolve = (host: string, path = '/') => resolveTenant(core.services, host, path)
  const tenantOf = (resolution: Resolution) =>
    resolution.kind === 'tenant' ? resolution.tenant : undefined

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('cached')
  })
  afterAll(() => core.close())

  it('answers a host from memory until the mall changes', async () => {
    const first = tenantOf(await resolve(mall.host))
    expect(first?.slug).toBe('cached')
    expect(tenantOf(await resolve(mall.host))).toBe(first)
    expect(tenantOf(await resolve('localhost', '/s/cached/api/x'))?.id).toBe(mall.id)

    await core.services.db
      .updateTable('core__tenant')
      .set({ name: 'Renamed' })
      .where('id', '=', mall.id)
      .execute()
    const after = tenantOf(await resolve(mall.host))
    expect(after).not.toBe(first)
    expect(after?.name).toBe('Renamed')
  })

  it('serves a suspended mall as suspended on the next request', async () => {
    const client = core.client(mall.host)
    expect((await client.get('/api/store/products')).status).toBe(200)
    await core.services.db
      .updateTable('core__tenant')
      .set({ status: 'suspended' })
      .where('id', '=', mall.id)
      .execute()
    const refused = await client.get('/api/store/products')
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { code: string }).code).toBe('tenant_suspended')
    expect((await client.get('/')).status).toBe(403)
    await core.services.db
      .updateTable('core__tenant')
      .set({ status: 'active' })
      .where('id', '=', mall.id)
      .execute()
    expect((await client.get('/api/store/products')).status).toBe(200)
  })

  it('stops serving a removed custom domain at once, and serves an added one', async () => {
    const domain = core.client('shop.cached.example')
    expect((await domain.get('/api/store/products')).status).toBe(404)
    await core.services.db
      .insertInto('core__tenant_domain')
      .values({ host: 'shop.cached.example', tenant_id: mall.id })
      .execute()
    expect((await domain.get('/api/store/products')).status).toBe(200)
    expect((await domain.get('/api/store/products')).status).toBe(200)
    await core.services.db
      .deleteFrom('core__tenant_domain')
      .where('host', '=', 'shop.cached.example')
      .execute()
    const gone = await domain.get('/api/store/products')
    expect(gone.status).toBe(404)
    expect(((await gone.json()) as { code: string }).code).toBe('tenant_not_found')
  })
})
