import type { MembershipSelection } from '../../server/schemas.ts'
import type { CheckoutPreview } from '../../../../../tenant-ui/src/app/ui/account-types.ts'

export type { MembershipSelection }

/** The checkout's saved choice read back as a selection (anything else reads as none). */
export function readSelection(value: unknown): MembershipSelection {
  if (typeof value !== 'object' || value === null) return {}
  const { points, storedValue } = value as Record<string, unknown>
  const whole = (n: unknown) =>
    Number.isInteger(n) && (n as number) > 0 ? (n as number) : undefined
  const chosen: MembershipSelection = {}
  if (whole(points)) chosen.points = whole(points)
  if (whole(storedValue)) chosen.storedValue = whole(storedValue)
  return chosen
}

/** The selection to send, or undefined when nothing is chosen (the plugin's key is dropped). */
export const toSent = (s: MembershipSelection): MembershipSelection | undefined =>
  s.points || s.storedValue ? s : undefined

/**
 * What the order's preview takes off through `codes` (the server's adjustments: `points`,
 * `stored-value`, `stored-value-shipping`), as a positive amount in minor units.
 */
export function deducted(preview: CheckoutPreview | undefined, codes: readonly string[]): number {
  if (!preview) return 0
  const all = [...preview.adjustments, ...preview.lines.flatMap((l) => l.adjustments)]
  return -all.filter((a) => codes.includes(a.code)).reduce((sum, a) => sum + a.amount, 0)
}

/** Typed yuan ("12", "12.5") as minor units, or null. Never a float sum. */
export function parseYuan(typed: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(typed)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Minor units as typed yuan ("12.50"). */
export const yuanInput = (minor: number): string =>
  `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`
