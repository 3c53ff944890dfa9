import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../test/db.ts'
import { ManualClock } from '../clock.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { MallError } from '../http/errors.ts'
import { hashPassword } from './password.ts'
import { createCustomerRealm, createStaffRealm } from './realms.ts'
import { hashSessionToken } from './session-token.ts'

const DAY = 24 * 60 * 60 * 1000

let handle: TestDb
let clock: ManualClock
let tenantA: string
let tenantB: string
let counter = 0

beforeAll(async () => {
  handle = await createTestDb()
  clock = new ManualClock()
  await handle.db
    .insertInto('core__plan')
    .values({ id: 'realms', name: 'Realms', allowed_plugins: [] })
    .execute()
  const tenants = await handle.db
    .insertInto('core__tenant')
    .values([
      { slug: 'mall-a', name: 'Mall A', plan_id: 'realms' },
      { slug: 'mall-b', name: 'Mall B', plan_id: 'realms' },
    ])
    .returning('id')
    .execute()
  tenantA = tenants[0]!.id
  tenantB = tenants[1]!.id
})

afterAll(async () => {
  await handle?.close()
})

const deps = () => ({ db: handle.db, clock })
/** A client address no other test uses, so throttle counts never leak between tests. */
const freshIp = () => `10.0.0.${++counter}`

async function createStaff(email: string, password: string) {
  return handle.db
    .insertInto('core__staff_user')
    .values({ email, name: 'Sam Staff', password_hash: await hashPassword(password) })
    .returning('id')
    .executeTakeFirstOrThrow()
}

async function createCustomer(
  tenantId: string,
  account: { email?: string; phone?: string },
  password: string,
) {
  const passwordHash = await hashPassword(password)
  return withTenant(handle.db, tenantId, (tx) =>
    tx
      .insertInto('core__customer')
      .values({
        tenant_id: tenantId,
        email: account.email ?? null,
        phone: account.phone ?? null,
        name: 'Cleo Customer',
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  )
}

async function rejection(promise: Promise<unknown>): Promise<MallError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!(error instanceof MallError)) throw new Error(`Expected a MallError, got ${String(error)}`)
  return error
}

async function staffSessionIds() {
  const rows = await handle.db.selectFrom('core__staff_session').select('id').execute()
  return rows.map((row) => row.id)
}

async function customerSessionIds(tenantId: string) {
  const rows = await withTenant(handle.db, tenantId, (tx) =>
    tx.selectFrom('core__customer_session').select('id').execute(),
  )
  return rows.map((row) => row.id)
}

describe('staff realm', () => {
  it('logs in with an email in any case and validates the session', async () => {
    const staff = await createStaff('sam@example.com', 'staff-password')
    const realm = createStaffRealm(deps())
    const result = await realm.login({
      identifier: ' Sam@Example.com',
      password: 'staff-password',
      ip: freshIp(),
    })
    expect(result.user).toEqual({ id: staff.id, email: 'sam@example.com', name: 'Sam Staff' })
    expect(result.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY)

    const session = await realm.validate(result.token)
    expect(session).toEqual({ user: result.user, expiresAt: result.expiresAt, refreshed: false })
  })

  it('stores only the SHA-256 of the token', async () => {
    await createStaff('hash@example.com', 'staff-password')
    const realm = createStaffRealm(deps())
    const { token } = await realm.login({
      identifier: 'hash@example.com',
      password: 'staff-password',
      ip: freshIp(),
    })
    const ids = await staffSessionIds()
    expect(ids).toContain(hashSessionToken(token))
    for (const id of ids) expect(id).not.toContain(token)
  })

  it('ends the previous session when logging in with its token', async () => {
    await createStaff('rotate@example.com', 'staff-password')
    const realm = createStaffRealm(deps())
    const login = { identifier: 'rotate@example.com', password: 'staff-password', ip: freshIp() }
    const first = await realm.login(login)
    const second = await realm.login({ ...login, previousToken: first.token })

    expect(second.token).not.toBe(first.token)
    expect(await realm.validate(first.token)).toBeNull()
    expect(await realm.validate(second.token)).not.toBeNull()
  })

  it('ends every session of a user on invalidateUser, and only theirs', async () => {
    const staff = await createStaff('many@example.com', 'staff-password')
    await createStaff('bystander@example.com', 'staff-password')
    const realm = createStaffRealm(deps())
    const ip = freshIp()
    const login = { identifier: 'many@example.com', password: 'staff-password', ip }
    const sessions = [await realm.login(login), await realm.login(login)]
    const extra = await realm.createSession(staff.id)
    const other = await realm.login({ ...login, identifier: 'bystander@example.com' })

    await realm.invalidateUser(staff.id)
    for (const { token } of [...sessions, extra]) expect(await realm.validate(token)).toBeNull()
    expect(await realm.validate(other.token)).not.toBeNull()
  })

  it('logs out one session', async () => {
    await createStaff('logout@example.com', 'staff-password')
    const realm = createStaffRealm(deps())
    const login = { identifier: 'logout@example.com', password: 'staff-password', ip: freshIp() }
    const [kept, ended] = [await realm.login(login), await realm.login(login)]
    await realm.logout(ended.token)
    expect(await realm.validate(ended.token)).toBeNull()
    expect(await realm.validate(kept.token)).not.toBeNull()
  })

  it('answers null for unknown, malformed and hashed tokens', async () => {
    await createStaff('null@example.com', 'staff-password')
    const realm = createStaffRealm(deps())
    const { token } = await realm.login({
      identifier: 'null@example.com',
      password: 'staff-password',
      ip: freshIp(),
    })
    expect(await realm.validate('a'.repeat(52))).toBeNull()
    expect(await realm.validate('not a token')).toBeNull()
    // The stored id is not a credential: presenting it finds nothing.
    expect(await realm.validate(hashSessionToken(token))).toBeNull()
  })

  it('extends a session in its second half and reports it once', async () => {
    await createStaff('slide@example.com', 'staff-password')
    const realm = createStaffRealm(deps())
    const { token } = await realm.login({
      identifier: 'slide@example.com',
      password: 'staff-password',
      ip: freshIp(),
    })
    await handle.db
      .updateTable('core__staff_session')
      .set({ expires_at: new Date(Date.now() + 10 * DAY) })
      .where('id', '=', hashSessionToken(token))
      .execute()

    const extended = await realm.validate(token)
    expect(extended?.refreshed).toBe(true)
    expect(extended!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY)
    expect((await realm.validate(token))?.refreshed).toBe(false)
  })

  it('answers null for an expired session', async () => {
    await createStaff('expired@example.com', 'staff-password')
    const realm = createStaffRealm(deps())
    const { token } = await realm.login({
      identifier: 'expired@example.com',
      password: 'staff-password',
      ip: freshIp(),
    })
    await handle.db
      .updateTable('core__staff_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', hashSessionToken(token))
      .execute()
    expect(await realm.validate(token)).toBeNull()
    expect(await staffSessionIds()).not.toContain(hashSessionToken(token))
  })

  it('gives the same error for a wrong password and an unknown account', async () => {
    await createStaff('known@example.com', 'staff-password')
    const realm = createStaffRealm(deps())
    const ip = freshIp()
    const wrong = await rejection(
      realm.login({ identifier: 'known@example.com', password: 'nope', ip }),
    )
    const unknown = await rejection(
      realm.login({ identifier: 'unknown@example.com', password: 'staff-password', ip }),
    )
    const phone = await rejection(
      realm.login({ identifier: '+8613800138000', password: 'staff-password', ip }),
    )
    for (const error of [wrong, unknown, phone]) {
      expect(error.code).toBe('invalid_credentials')
      expect(error.status).toBe(401)
      expect(error.message).toBe(wrong.message)
    }
  })
})

describe('customer realm', () => {
  it('logs in by email or by phone number, inside its mall', async () => {
    const customer = await createCustomer(
      tenantA,
      { email: 'cleo@example.com', phone: '+8613800138000' },
      'customer-password',
    )
    const realm = createCustomerRealm(deps(), tenantA)
    const ip = freshIp()
    const byEmail = await realm.login({
      identifier: 'CLEO@example.com',
      password: 'customer-password',
      ip,
    })
    const byPhone = await realm.login({
      identifier: '+86 138-0013-8000',
      password: 'customer-password',
      ip,
    })
    const expected = {
      id: customer.id,
      tenantId: tenantA,
      email: 'cleo@example.com',
      phone: '+8613800138000',
      name: 'Cleo Customer',
    }
    expect(byEmail.user).toEqual(expected)
    expect(byPhone.user).toEqual(expected)
    expect((await realm.validate(byPhone.token))?.user).toEqual(expected)
  })

  it('stores only the SHA-256 of the token', async () => {
    await createCustomer(tenantA, { email: 'clear@example.com' }, 'customer-password')
    const realm = createCustomerRealm(deps(), tenantA)
    const { token } = await realm.login({
      identifier: 'clear@example.com',
      password: 'customer-password',
      ip: freshIp(),
    })
    const ids = await customerSessionIds(tenantA)
    expect(ids).toContain(hashSessionToken(token))
    for (const id of ids) expect(id).not.toContain(token)
  })

  it('rotates the session on login and ends all sessions on invalidateUser', async () => {
    const customer = await createCustomer(tenantA, { phone: '13900001111' }, 'customer-password')
    const realm = createCustomerRealm(deps(), tenantA)
    const login = { identifier: '139 0000 1111', password: 'customer-password', ip: freshIp() }
    const first = await realm.login(login)
    const second = await realm.login({ ...login, previousToken: first.token })
    const third = await realm.login(login)
    expect(await realm.validate(first.token)).toBeNull()
    expect(await realm.validate(second.token)).not.toBeNull()

    await realm.invalidateUser(customer.id)
    expect(await realm.validate(second.token)).toBeNull()
    expect(await realm.validate(third.token)).toBeNull()
  })

  it('keeps the same email in two malls as two customers with separate sessions', async () => {
    const inA = await createCustomer(tenantA, { email: 'twice@example.com' }, 'password-in-a')
    const inB = await createCustomer(tenantB, { email: 'twice@example.com' }, 'password-in-b')
    expect(inA.id).not.toBe(inB.id)
    const realmA = createCustomerRealm(deps(), tenantA)
    const realmB = createCustomerRealm(deps(), tenantB)
    const ip = freshIp()

    const sessionA = await realmA.login({
      identifier: 'twice@example.com',
      password: 'password-in-a',
      ip,
    })
    expect(sessionA.user).toMatchObject({ id: inA.id, tenantId: tenantA })
    expect(await realmB.validate(sessionA.token)).toBeNull()
    await realmB.logout(sessionA.token)
    await realmB.invalidateUser(inA.id)
    expect(await realmA.validate(sessionA.token)).not.toBeNull()

    const wrongMall = await rejection(
      realmB.login({ identifier: 'twice@example.com', password: 'password-in-a', ip }),
    )
    expect(wrongMall.code).toBe('invalid_credentials')
    const sessionB = await realmB.login({
      identifier: 'twice@example.com',
      password: 'password-in-b',
      ip,
    })
    expect(sessionB.user).toMatchObject({ id: inB.id, tenantId: tenantB })
    expect(await realmA.validate(sessionB.token)).toBeNull()
  })

  it('gives the same error for a wrong password and an unknown account', async () => {
    await createCustomer(tenantA, { email: 'same@example.com' }, 'customer-password')
    const realm = createCustomerRealm(deps(), tenantA)
    const ip = freshIp()
    const wrong = await rejection(
      realm.login({ identifier: 'same@example.com', password: 'x', ip }),
    )
    const unknown = await rejection(
      realm.login({ identifier: 'nobody@example.com', password: 'customer-password', ip }),
    )
    expect([wrong.code, unknown.code]).toEqual(['invalid_credentials', 'invalid_credentials'])
    expect(unknown.message).toBe(wrong.message)
  })

  it('refuses a tenant id that is not a uuid', () => {
    expect(() => createCustomerRealm(deps(), 'mall-a')).toThrow(TypeError)
  })
})

describe('login throttling', () => {
  it('allows 5 failures, then locks the account until the lock passes', async () => {
    await createStaff('locked@example.com', 'right-password')
    const realm = createStaffRealm(deps())
    const ip = freshIp()
    const wrong = { identifier: 'locked@example.com', password: 'wrong', ip }
    for (let i = 1; i <= 5; i++) {
      expect((await rejection(realm.login(wrong))).code).toBe('invalid_credentials')
    }
    const sixth = await rejection(realm.login(wrong))
    expect(sixth.code).toBe('too_many_attempts')
    expect(sixth.status).toBe(429)
    expect(sixth.headers).toEqual({ 'retry-after': '30' })

    // Even the right password is refused while locked: the lock is checked before the password.
    clock.advance(10_000)
    const right = { ...wrong, password: 'right-password' }
    const refused = await rejection(realm.login(right))
    expect(refused.code).toBe('too_many_attempts')
    expect(refused.headers).toEqual({ 'retry-after': '20' })

    clock.advance(20_000)
    const session = await realm.login(right)
    expect(session.user.email).toBe('locked@example.com')
  })

  it('locks the account whatever IP the guesses come from', async () => {
    await createStaff('roaming@example.com', 'right-password')
    const realm = createStaffRealm(deps())
    for (let i = 1; i <= 5; i++) {
      await rejection(
        realm.login({ identifier: 'roaming@example.com', password: 'wrong', ip: freshIp() }),
      )
    }
    const error = await rejection(
      realm.login({ identifier: 'Roaming@example.com', password: 'wrong', ip: freshIp() }),
    )
    expect(error.code).toBe('too_many_attempts')
  })

  it('throttles unknown accounts like known ones', async () => {
    const realm = createCustomerRealm(deps(), tenantA)
    const ip = freshIp()
    const guess = { identifier: 'ghost@example.com', password: 'wrong', ip }
    for (let i = 1; i <= 5; i++) await rejection(realm.login(guess))
    expect((await rejection(realm.login(guess))).code).toBe('too_many_attempts')
  })

  it('resets the account count after a successful login', async () => {
    await createStaff('reset@example.com', 'right-password')
    const realm = createStaffRealm(deps())
    const ip = freshIp()
    const wrong = { identifier: 'reset@example.com', password: 'wrong', ip }
    for (let i = 1; i <= 4; i++) await rejection(realm.login(wrong))
    await realm.login({ ...wrong, password: 'right-password' })

    for (let i = 1; i <= 5; i++) {
      expect((await rejection(realm.login(wrong))).code).toBe('invalid_credentials')
    }
    expect((await rejection(realm.login(wrong))).code).toBe('too_many_attempts')
  })

  it('counts accounts of different malls separately', async () => {
    const ip = freshIp()
    const guess = { identifier: 'split@example.com', password: 'wrong', ip }
    const realmA = createCustomerRealm(deps(), tenantA)
    for (let i = 1; i <= 5; i++) await rejection(realmA.login(guess))
    const inB = await rejection(createCustomerRealm(deps(), tenantB).login(guess))
    expect(inB.code).toBe('invalid_credentials')
  })

  it('locks an IP for 15 minutes after 50 failures over any accounts', async () => {
    await createStaff('victim@example.com', 'right-password')
    const realm = createStaffRealm(deps())
    const ip = freshIp()
    const codes: string[] = []
    for (let account = 1; account <= 10; account++) {
      for (let i = 1; i <= 5; i++) {
        const identifier = `sprayed-${account}@example.com`
        codes.push((await rejection(realm.login({ identifier, password: 'wrong', ip }))).code)
      }
    }
    expect(codes.slice(0, 49).every((code) => code === 'invalid_credentials')).toBe(true)
    expect(codes[49]).toBe('too_many_attempts')

    const right = { identifier: 'victim@example.com', password: 'right-password' }
    const refused = await rejection(realm.login({ ...right, ip }))
    expect(refused.code).toBe('too_many_attempts')
    expect(refused.headers).toEqual({ 'retry-after': '900' })
    // The account itself is not locked: from another address it logs in.
    await expect(realm.login({ ...right, ip: freshIp() })).resolves.toBeDefined()

    clock.advance(15 * 60_000)
    await expect(realm.login({ ...right, ip })).resolves.toBeDefined()
  })
})
