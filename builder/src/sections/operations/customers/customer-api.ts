import type { Address } from '../../../../../core/src/commerce/shipping/address-schema.ts'
import { api, mallApi } from '../../../app/api.ts'
import type { ListPage } from '../../../kit/ListView.tsx'
import type { OrderSummary } from '../orders/order-api.ts'

export interface Customer {
  id: string
  email: string | null
  phone: string | null
  name: string
  createdAt: string
}

/** The customer screens' calls to the mall's admin API. */
export const customerApi = {
  list: (slug: string, query: URLSearchParams) =>
    api<ListPage<Customer>>(mallApi(slug, `/customers?${query}`)),
  get: (slug: string, id: string) => api<Customer>(mallApi(slug, `/customers/${id}`)),
  addresses: (slug: string, id: string) =>
    api<{ items: Address[] }>(mallApi(slug, `/customers/${id}/addresses`)),
  orders: (slug: string, id: string, cursor: string | null) =>
    api<ListPage<OrderSummary>>(
      mallApi(
        slug,
        `/customers/${id}/orders${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
    ),
}
