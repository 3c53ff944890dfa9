/** What a login form's identifier names: an email address or a phone number, normalized. */
export type LoginIdentifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string }

/** An email address as stored: trimmed and lowercased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * A phone number as stored: digits with an optional leading `+` (`+86 138-0013-8000` becomes
 * `+8613800138000`), or null when anything but spaces, dashes, dots and parentheses separates the
 * digits, or there are not 5 to 15 of them.
 */
export function normalizePhone(phone: string): string | null {
  const compact = phone.trim().replace(/[\s\-.()]/g, '')
  return /^\+?\d{5,15}$/.test(compact) ? compact : null
}

/** Reads a login identifier: with an `@` an email address, otherwise a phone number. */
export function parseLoginIdentifier(identifier: string): LoginIdentifier | null {
  if (identifier.includes('@')) {
    const email = normalizeEmail(identifier)
    return email.length > 2 ? { kind: 'email', value: email } : null
  }
  const phone = normalizePhone(identifier)
  return phone ? { kind: 'phone', value: phone } : null
}
