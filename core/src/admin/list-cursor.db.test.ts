import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestCore,
  ensureStaffUser,
  setMembership,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../test/app.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { ownerOnMallHost } from '../commerce/catalog/test-support.ts'

// Five instants inside one millisecond; the last two are the same microsecond (ties go by id).
const MICROS = ['101', '205', '309', '412', '412']
const at = (micros: string) => `2026-03-01T08:00:00.123${micros}Z`

/** Ids in list order (created_at desc, id desc), as PostgreSQL orders uuids (like lowercase hex). */
const expectedOrder = (rows: { id: string; micros: string }[]) =>
  [...rows].sort((x, y) => (y.micros + y.id).localeCompare(x.micros + x.id)).map((row) => row.id)

/** Follows `nextCursor` with limit 1 until the end, collecting the ids of every page. */
async function pageThrough(client: TestClient, path: string): Promise<string[]> {
  const seen: string[] = []
  let cursor: string | null = null
  for (let page = 0; page < 20; page++) {
    const query: string = `limit=1${cursor ? `&cursor=${cursor}` : ''}`
    const response = await client.get(`${path}${path.includes('?') ? '&' : '?'}${query}`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { items: { id: string }[]; nextCursor: string | null }
    seen.push(...body.items.map((item) => item.id))
    cursor = body.nextCursor
    if (!cursor) break
  }
  return seen
}

describe('list cursors', () => {
  let core: TestCore
  let mall: TestMall
  let staff: TestClient
  const rows = () => MICROS.map((micros) => ({ id: randomUUID(), micros }))

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('cursors')
    staff = await ownerOnMallHost(core, mall)
  })
  afterAll(() => core?.close())

  it('pages admin customers created in one millisecond without repeating or skipping any', async () => {
    const customers = rows()
    await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .insertInto('core__customer')
        .values(
          customers.map((c) => ({
            tenant_id: mall.id,
            id: c.id,
            email: `cursor-${c.id}@example.test`,
            name: 'Same millisecond',
            password_hash: '!',
            created_at: sql<Date>`${at(c.micros)}::timestamptz`,
          })),
        )
        .execute(),
    )
    expect(await pageThrough(staff, '/api/admin/customers?q=cursor-')).toEqual(
      expectedOrder(customers),
    )
  })

  it('pages the audit log written in one millisecond without repeating or skipping any', async () => {
    const entries = rows()
    await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .insertInto('core__audit_log')
        .values(
          entries.map((e) => ({
            tenant_id: mall.id,
            id: e.id,
            actor_kind: 'system' as const,
            action: 'test.cursor',
            data: '{}',
            created_at: sql<Date>`${at(e.micros)}::timestamptz`,
          })),
        )
        .execute(),
    )
    expect(await pageThrough(staff, '/api/admin/audit-log?q=test.cursor')).toEqual(
      expectedOrder(entries),
    )
  })

  it("pages an agency's malls created in one millisecond without repeating or skipping any", async () => {
    const { id: agencyId } = await core.services.db
      .insertInto('core__agency')
      .values({ name: 'Cursor Agency' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const malls = []
    for (const [i, micros] of MICROS.entries()) {
      const created = await core.createMall(`cursor-agency-${i}`, { agencyId })
      await core.services.db
        .updateTable('core__tenant')
        .set({ created_at: sql<Date>`${at(micros)}::timestamptz` })
        .where('id', '=', created.id)
        .execute()
      malls.push({ id: created.id, micros })
    }
    const owner = await ensureStaffUser(core.services.db, {
      email: 'cursor-agency@example.test',
      name: 'Agency owner',
      password: 'agency-password-1',
    })
    await setMembership(core.services.db, owner.id, { agencyId }, 'owner')
    const agency = core.client()
    await agency.loginStaff('cursor-agency@example.test', 'agency-password-1')
    expect(await pageThrough(agency, `/api/platform/agencies/${agencyId}/malls`)).toEqual(
      expectedOrder(malls),
    )
  })

  it('refuses a cursor it did not write, naming query.cursor', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-03-01T08:00:00.1234567Z', randomUUID()]))
    const response = await staff.get(`/api/admin/customers?cursor=${forged.toString('base64url')}`)
    expect(response.status).toBe(422)
    const problem = (await response.json()) as { errors: { field: string }[] }
    expect(problem.errors.map((e) => e.field)).toEqual(['query.cursor'])
  })
})
