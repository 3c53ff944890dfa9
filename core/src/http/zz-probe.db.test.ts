import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestCore, type TestCore } from '../../test/app.ts'

describe('probe', () => {
  let core: TestCore
  beforeAll(async () => { core = await createTestCore() })
  afterAll(() => core.close())
  it('probes', async () => {
    try { await sql`select ${'a\u0000b'}::text`.execute(core.services.db) } catch (e: any) { console.log('ERR', e.code, e.message) }
  })
})
