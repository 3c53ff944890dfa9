import { lazy } from 'solid-js'
import { definePluginBlocks } from '../../../../tenant-ui/src/blocks/plugin-blocks.ts'
import type { membershipBlocks } from '../block-manifests.ts'
import BenefitsBlock from './benefits/BenefitsBlock.tsx'
import CheckInBlock from './check-in/CheckInBlock.tsx'
import { BalanceHistoryBlock, PointsHistoryBlock } from './history/LedgerHistory.tsx'
import MemberCardBlock from './member-card/MemberCardBlock.tsx'
import PaidCardBlock from './paid-card/PaidCardBlock.tsx'
import PointsMallBlock from './points-mall/PointsMallBlock.tsx'
import TopUpBlock from './top-up/TopUpBlock.tsx'

// The manifest's value carries zod: the browser bundle gets the id and the block names only.
const membership = {
  id: 'membership',
  blocks: {
    'member-card': true,
    'check-in': true,
    'top-up': true,
    'points-history': true,
    'balance-history': true,
    'paid-card': true,
    benefits: true,
    'points-mall': true,
  },
} as const satisfies {
  id: 'membership'
  blocks: Record<keyof typeof membershipBlocks, true>
}

/**
 * The membership plugin's storefront blocks (member card, check-in, top-up, paid member card
 * promotion, the points and balance histories and the benefits, for custom pages, and the
 * points mall) and its checkout section (points and
 * balance, loaded with the checkout only).
 */
export default definePluginBlocks(
  membership,
  {
    'member-card': MemberCardBlock,
    'check-in': CheckInBlock,
    'top-up': TopUpBlock,
    'points-history': PointsHistoryBlock,
    'balance-history': BalanceHistoryBlock,
    'paid-card': PaidCardBlock,
    benefits: BenefitsBlock,
    'points-mall': PointsMallBlock,
  },
  { checkout: lazy(() => import('./checkout/MembershipSection.tsx')) },
)
