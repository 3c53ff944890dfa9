/** Calendar days in a mall's timezone, as `YYYY-MM-DD` strings (what "today" means to a mall). */

/** The calendar day of `at` in `timeZone`. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}

/** The calendar year of `at` in `timeZone`. */
export function yearIn(at: Date, timeZone: string): number {
  return Number(dayIn(at, timeZone).slice(0, 4))
}

/** `day` moved by `days` (negative goes back). */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}
