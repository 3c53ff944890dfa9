import { hash, verify, type Options } from '@node-rs/argon2'

/** Argon2id with the OWASP minimum: 19 MiB of memory, 2 passes, 1 lane. */
export const passwordHashOptions = {
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  // Algorithm.Argon2id: `Algorithm` is a const enum, which isolated modules cannot import.
  algorithm: 2,
} as const satisfies Options

/**
 * A hash of a password nobody knows, with the same parameters as real hashes: verifying against
 * it costs what a real verification costs, so an unknown account answers as slowly as a known one.
 */
export const dummyPasswordHash =
  '$argon2id$v=19$m=19456,t=2,p=1$aR1iZXwa4AXN3GpNCiSHzg$mruSYmPSN8Llk9BeqTOquqViTfbWodZE0Qv7+w/lnB0'

/** Hashes a password for storage (PHC string, `$argon2id$v=19$m=19456,t=2,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions)
}

/**
 * Whether `password` matches `passwordHash`. With no hash (the account does not exist) it
 * verifies against `dummyPasswordHash` and answers false, spending the same time either way so
 * response times do not reveal which accounts exist.
 */
export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!passwordHash) {
    await verify(dummyPasswordHash, password)
    return false
  }
  return verify(passwordHash, password)
}
