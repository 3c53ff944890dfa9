/** A `YYYY-MM-DD` date picked in the browser as the instant its local day starts (ISO). */
export function dayStart(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  return new Date(`${date}T00:00:00`).toISOString()
}

/** The instant the local day after `date` starts: the exclusive end of a "to" date. */
export function dayEnd(date: string): string | undefined {
  const start = dayStart(date)
  if (!start) return undefined
  const next = new Date(start)
  next.setDate(next.getDate() + 1)
  return next.toISOString()
}
