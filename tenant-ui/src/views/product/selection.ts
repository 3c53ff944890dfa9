import type { SkuChoice, SpecRow } from './data.ts'

/** The value chosen per spec key; a key without a value is not chosen yet. */
export type Selection = Record<string, string>

/** The values a product page starts with: those of dimensions that have only one. */
export function initialSelection(specs: readonly SpecRow[]): Selection {
  const selection: Selection = {}
  for (const spec of specs) {
    const [only, ...rest] = spec.values
    if (only && rest.length === 0) selection[spec.key] = only.key
  }
  return selection
}

/** Whether `sku` agrees with every chosen value, ignoring the dimension `except`. */
const agrees = (sku: SkuChoice, selection: Selection, except?: string) =>
  Object.entries(selection).every(([key, value]) => key === except || sku.spec[key] === value)

/**
 * Whether choosing `value` for `key` (keeping the other chosen values) leaves a SKU in stock:
 * otherwise its option is shown disabled.
 */
export function isAvailable(
  skus: readonly SkuChoice[],
  selection: Selection,
  key: string,
  value: string,
): boolean {
  return skus.some((sku) => sku.stock > 0 && sku.spec[key] === value && agrees(sku, selection, key))
}

/**
 * The SKU the selection names once every dimension has a value (a product without specs has one
 * SKU, always chosen); undefined while a dimension is still open.
 */
export function chosenSku(
  specs: readonly SpecRow[],
  skus: readonly SkuChoice[],
  selection: Selection,
): SkuChoice | undefined {
  if (specs.some((spec) => !selection[spec.key])) return undefined
  return skus.find((sku) => agrees(sku, selection))
}

/** The dimensions still without a value, in order. */
export function missingSpecs(specs: readonly SpecRow[], selection: Selection): SpecRow[] {
  return specs.filter((spec) => !selection[spec.key])
}

/**
 * Picks `value` for `key`, or clears it when it was already picked (tapping a chosen option
 * again un-chooses it, as shoppers expect of these pickers).
 */
export function toggle(selection: Selection, key: string, value: string): Selection {
  const next = { ...selection }
  if (next[key] === value) delete next[key]
  else next[key] = value
  return next
}
