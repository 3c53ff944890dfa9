import { Show } from 'solid-js'
import type { SectionProps } from '../../section.ts'
import '../shared/catalog.css'
import { ProductEditor } from './ProductEditor.tsx'
import { ProductList } from './ProductList.tsx'

/** Products: the list, `/products/new` to create one, `/products/{id}` to edit one. */
export default function ProductsSection(p: SectionProps) {
  return (
    <Show when={p.path[0]} keyed fallback={<ProductList {...p} />}>
      {(id) => <ProductEditor {...p} productId={id === 'new' ? undefined : id} />}
    </Show>
  )
}
