import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from './app.ts'

describe('test harness', () => {
  let core: TestCore
  beforeAll(async () => {
    core = await createTestCore()
  })
  afterAll(() => core.close())

  it('boots the app and logs a mall owner into their mall', async () => {
    const mall = await core.createMall('alpha')
    const client = core.client()
    await client.loginStaff(mall.ownerEmail)
    const me = await client.get('/s/alpha/api/admin/me')
    expect(me.status).toBe(200)
    expect(((await me.json()) as { role: string }).role).toBe('owner')
  })
})
