import type { LocalizedText, SpecOption } from '../../db/commerce-schema.ts'
import type { FieldError } from '../../http/errors.ts'
import { labelOf } from './localized.ts'

/** The most SKUs one product may have: a 3 × 50 × 50 matrix is a data-entry accident. */
export const MAX_SKUS = 1000

/** Every combination of the options' values, in matrix order (first option varies slowest). */
export function matrixCombinations(options: readonly SpecOption[]): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}]
  for (const option of options) {
    const name = labelOf(option.name)
    combos = combos.flatMap((combo) =>
      option.values.map((value) => ({ ...combo, [name]: labelOf(value) })),
    )
  }
  return combos
}

/** A combination as one comparable string, in the options' order. */
export function specKey(spec: Record<string, string>, options: readonly SpecOption[]): string {
  return options.map((o) => spec[labelOf(o.name)] ?? '').join('\u0001')
}

const describe = (spec: Record<string, string>) =>
  Object.entries(spec)
    .map(([k, v]) => `${k}=${v}`)
    .join(' / ')

function duplicates(texts: readonly LocalizedText[]): number[] {
  const seen = new Set<string>()
  return texts.flatMap((text, i) => {
    const label = labelOf(text).toLowerCase()
    if (seen.has(label)) return [i]
    seen.add(label)
    return []
  })
}

/**
 * Checks that the SKUs cover exactly the combinations of the spec options: no missing, duplicate
 * or unknown combination, and option names and values that are unique. Returns the offending
 * fields (`body.skus.3.spec`, `body.specOptions.1.values.2`); empty when the matrix is sound.
 */
export function checkSpecMatrix(
  options: readonly SpecOption[],
  skus: readonly { spec: Record<string, string> }[],
  prefix = 'body',
): FieldError[] {
  const errors: FieldError[] = []
  for (const i of duplicates(options.map((o) => o.name)))
    errors.push({
      field: `${prefix}.specOptions.${i}.name`,
      message: 'a spec with this name is already listed',
    })
  options.forEach((option, i) => {
    for (const j of duplicates(option.values))
      errors.push({
        field: `${prefix}.specOptions.${i}.values.${j}`,
        message: 'this value is already listed',
      })
  })
  if (errors.length) return errors
  const combos = matrixCombinations(options)
  if (combos.length > MAX_SKUS)
    return [{ field: `${prefix}.specOptions`, message: `more than ${MAX_SKUS} combinations` }]

  const names = options.map((o) => labelOf(o.name))
  const allowed = new Map(options.map((o) => [labelOf(o.name), new Set(o.values.map(labelOf))]))
  const seen = new Set<string>()
  skus.forEach((sku, i) => {
    const field = `${prefix}.skus.${i}.spec`
    const keys = Object.keys(sku.spec)
    const unknown = keys.filter((k) => !allowed.has(k))
    const missing = names.filter((n) => !(n in sku.spec))
    const badValue = keys.find((k) => allowed.has(k) && !allowed.get(k)!.has(sku.spec[k]!))
    if (unknown.length) errors.push({ field, message: `unknown spec ${unknown.join(', ')}` })
    else if (missing.length) errors.push({ field, message: `no value for ${missing.join(', ')}` })
    else if (badValue)
      errors.push({
        field,
        message: `${badValue}=${sku.spec[badValue]} is not one of the listed values`,
      })
    else {
      const key = specKey(sku.spec, options)
      if (seen.has(key)) errors.push({ field, message: `${describe(sku.spec)} is listed twice` })
      seen.add(key)
    }
  })
  if (errors.length) return errors
  const absent = combos.filter((combo) => !seen.has(specKey(combo, options)))
  if (absent.length) {
    const listed = absent.slice(0, 5).map(describe).join('; ')
    errors.push({
      field: `${prefix}.skus`,
      message: `missing ${absent.length} combination(s): ${listed}${absent.length > 5 ? '; …' : ''}`,
    })
  }
  return errors
}
