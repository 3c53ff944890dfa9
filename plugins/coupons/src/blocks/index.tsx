import { definePluginBlocks } from '../../../../tenant-ui/src/blocks/plugin-blocks.ts'
import type { manifest } from '../manifest.ts'
import { lazy } from 'solid-js'
import CouponCentreBlock from './coupon-centre/CouponCentreBlock.tsx'
import NewCustomerGiftBlock from './new-customer-gift/NewCustomerGiftBlock.tsx'

// The manifest's value carries zod: the browser bundle gets its id and block names only.
const coupons = {
  id: 'coupons',
  blocks: { 'coupon-centre': true, 'new-customer-gift': true },
} as const satisfies {
  id: (typeof manifest)['id']
  blocks: Record<keyof NonNullable<(typeof manifest)['blocks']>, true>
}

/**
 * The coupons plugin's storefront blocks (the claim centre and the new-customer gift popup) and
 * its checkout section (the order's coupon, loaded with the checkout only).
 */
export default definePluginBlocks(
  coupons,
  {
    'coupon-centre': CouponCentreBlock,
    'new-customer-gift': NewCustomerGiftBlock,
  },
  { checkout: lazy(() => import('./checkout/CouponSection.tsx')) },
)
