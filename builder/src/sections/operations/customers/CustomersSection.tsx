import { Show } from 'solid-js'
import type { SectionProps } from '../../section.ts'
import { CustomerDetail } from './CustomerDetail.tsx'
import { CustomerList } from './CustomerList.tsx'
import '../shared/operations.css'

/** The mall's customers: the list, or one customer at `/customers/{id}`. */
export default function CustomersSection(p: SectionProps) {
  return (
    <Show when={p.path[0]} keyed fallback={<CustomerList {...p} />}>
      {(customerId) => <CustomerDetail {...p} customerId={customerId} />}
    </Show>
  )
}
