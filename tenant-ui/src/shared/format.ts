/** An amount in fen (integer minor units) as yuan with two decimals, e.g. 12900 → `¥129.00`. */
export function formatPrice(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(fen))
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * A link or image path on the mall: paths starting with one `/` are the mall's own and get the
 * request's prefix (`/s/<slug>` when the mall is reached by path); anything else passes as is.
 */
export function mallHref(base: string, href: string): string {
  return href.startsWith('/') && !href.startsWith('//') ? `${base}${href}` : href
}
