import { api, mallApi } from '../../../../../builder/src/app/api.ts'
import type { ListPage } from '../../../../../builder/src/kit/ListView.tsx'
import type { z } from 'zod'
import type { MallItemEdit, MallItemInput, MallItemView } from '../../server/points-mall-items.ts'

export type MallItem = z.infer<typeof MallItemView>
export type MallItemBody = z.input<typeof MallItemInput>
export type MallItemChange = z.input<typeof MallItemEdit>

/** The permission the screen needs (`membership:points-mall.manage` in the manifest). */
export const MANAGE_POINTS_MALL = 'membership:points-mall.manage'

const items = (slug: string, path = '') => mallApi(slug, `/p/membership/points-mall/items${path}`)

export const listItems = (slug: string, query: URLSearchParams) =>
  api<ListPage<MallItem>>(items(slug, `?${query}`))

export const createItem = (slug: string, body: MallItemBody) =>
  api<MallItem>(items(slug), { method: 'POST', body })

export const editItem = (slug: string, id: string, body: MallItemChange) =>
  api<MallItem>(items(slug, `/${encodeURIComponent(id)}`), { method: 'PATCH', body })

export const deleteItem = (slug: string, id: string) =>
  api<unknown>(items(slug, `/${encodeURIComponent(id)}`), { method: 'DELETE' })

/** A coupon of the coupons plugin, as its admin API lists it (only what the picker needs). */
export interface CouponChoice {
  id: string
  name: string
  status: string
}

/**
 * The mall's coupons, newest first, from the coupons plugin's admin API (`/p/coupons/templates`):
 * the picker's choices. Fails while coupons is off (404) or for staff who cannot see coupons.
 */
export async function listCoupons(slug: string): Promise<CouponChoice[]> {
  const page = await api<ListPage<CouponChoice>>(mallApi(slug, '/p/coupons/templates?limit=100'))
  return page.items
}
