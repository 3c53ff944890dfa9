import { parse } from 'csv-parse/sync'
import type { FieldError } from '../../http/errors.ts'
import { validationError } from '../../http/errors.ts'
import { CSV_COLUMNS, unguardCell, type CsvColumn, type CsvRow } from './csv-format.ts'

/** A data row of an imported CSV with the physical line it starts on (the header is line 1). */
export interface NumberedRow {
  line: number
  row: CsvRow
  /** The columns the file has; others are treated as empty (stock: left as it is). */
  present: ReadonlySet<CsvColumn>
}

/** A field error pointing at a cell: `body.line.7.price`, with the line and column in the message. */
export function cellError(line: number, column: string, message: string): FieldError {
  return {
    field: `body.line.${line}.${column}`,
    message: `line ${line}, column ${column}: ${message}`,
  }
}

/** The most rows one import takes. */
export const MAX_IMPORT_ROWS = 20_000

/**
 * Reads the CSV (with or without a byte-order mark) into rows keyed by column name. A broken file,
 * an unknown or missing column or too many rows is a 422 naming the line. The `'` the export puts
 * before formula-like cells is removed, so an export imports back unchanged.
 */
export function parseProductCsv(text: string): NumberedRow[] {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
    }) as unknown as typeof records
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    throw validationError(
      [cellError(line, '*', (error as Error).message)],
      'The CSV could not be read',
    )
  }
  const [header, ...data] = records
  if (!header) throw validationError([{ field: 'body', message: 'the CSV is empty' }])
  const names = header.record.map((name) => name.trim().toLowerCase())
  const errors: FieldError[] = names.flatMap((name) =>
    (CSV_COLUMNS as readonly string[]).includes(name)
      ? []
      : [cellError(1, name || '(blank)', 'not a column of the product CSV')],
  )
  if (new Set(names).size !== names.length)
    errors.push(cellError(1, '*', 'a column is named twice'))
  if (!names.includes('title_zh') && !names.includes('title_en'))
    errors.push(cellError(1, 'title_zh', 'needs title_zh or title_en'))
  if (!names.includes('price')) errors.push(cellError(1, 'price', 'the price column is required'))
  if (data.length > MAX_IMPORT_ROWS)
    errors.push({ field: 'body', message: `more than ${MAX_IMPORT_ROWS} rows` })
  if (!data.length) errors.push({ field: 'body', message: 'the CSV has no rows' })
  if (errors.length) throw validationError(errors, 'The CSV header is not usable')
  const present = new Set(names as CsvColumn[])
  let previousEnd = header.info.lines
  return data.map(({ record, info }) => {
    const line = previousEnd + 1
    previousEnd = info.lines
    const row = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as CsvRow
    names.forEach((name, i) => (row[name as CsvColumn] = unguardCell((record[i] ?? '').trim())))
    return { line, row, present }
  })
}
