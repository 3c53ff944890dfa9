import { ListView } from '../../../kit/ListView.tsx'
import type { SectionProps } from '../../section.ts'
import { formatTime } from '../shared/format.ts'
import { customerApi, type Customer } from './customer-api.ts'
import { customerText } from './customer-strings.ts'

/** The mall's customers, newest first, searchable by name, email and phone. */
export function CustomerList(p: SectionProps) {
  const text = customerText
  return (
    <ListView<Customer>
      load={(query) => customerApi.list(p.slug, query)}
      searchLabel={text().search}
      empty={<p>{text().empty}</p>}
      head={
        <>
          <th>{text().name}</th>
          <th>{text().email}</th>
          <th>{text().phone}</th>
          <th>{text().joined}</th>
        </>
      }
      row={(customer) => (
        <>
          <td>
            <a
              href={p.href([customer.id])}
              onClick={(e) => {
                e.preventDefault()
                p.go([customer.id])
              }}
            >
              {customer.name || text().unnamed}
            </a>
          </td>
          <td>{customer.email ?? ''}</td>
          <td>{customer.phone ?? ''}</td>
          <td>{formatTime(customer.createdAt)}</td>
        </>
      )}
    />
  )
}
