/** A cell of a month's calendar: a day (`YYYY-MM-DD`) or a blank before the 1st / after the end. */
export type GridCell = string | null

/**
 * The weeks of `month` (`YYYY-MM`), Monday first, as rows of seven cells. Pure date arithmetic
 * in UTC: the days are calendar days of the mall, whose "today" the server says.
 */
export function monthGrid(month: string): GridCell[][] {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(year, mon - 1, 1))
  const length = new Date(Date.UTC(year, mon, 0)).getUTCDate()
  const lead = (first.getUTCDay() + 6) % 7
  const cells: GridCell[] = Array.from({ length: lead }, () => null)
  for (let d = 1; d <= length; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`)
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: GridCell[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

/** What a day of the calendar is for this customer. */
export type DayState = 'checked' | 'made-up' | 'today' | 'missed' | 'future'

/** The state of `day` given the checked-in days and the mall's today. */
export function dayState(
  day: string,
  today: string,
  checked: ReadonlyMap<string, { madeUp: boolean }>,
): DayState {
  const found = checked.get(day)
  if (found) return found.madeUp ? 'made-up' : 'checked'
  if (day === today) return 'today'
  return day < today ? 'missed' : 'future'
}
