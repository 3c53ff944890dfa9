import type { ProductStatus } from '../shared/catalog-api.ts'
import { statusLabel } from './product-strings.ts'

/** A product's status as a coloured badge. */
export function StatusBadge(p: { status: ProductStatus }) {
  return (
    <span class={`ck-badge mk-cat-status mk-cat-status--${p.status}`}>{statusLabel(p.status)}</span>
  )
}
