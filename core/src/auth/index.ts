export { sessionCookie, type SessionCookie } from './cookies.ts'
export {
  normalizeEmail,
  normalizePhone,
  parseLoginIdentifier,
  type LoginIdentifier,
} from './identifier.ts'
export { createKyselyAdapter, type KyselyAdapterOptions } from './lucia-adapter.ts'
export { hashPassword, verifyPassword } from './password.ts'
export { SESSION_TTL_SECONDS, type AuthRealm, type SessionResult } from './realm.ts'
export {
  createCustomerRealm,
  createStaffRealm,
  type CustomerIdentity,
  type StaffIdentity,
} from './realms.ts'
export { generateSessionToken, hashSessionToken } from './session-token.ts'
export { accountThrottlePolicy, ipThrottlePolicy, type ThrottlePolicy } from './throttle.ts'
