import type { SegmentProvider } from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'
import { readAccount } from './ledger.ts'
import { tierOf } from './tiers.ts'

const PREFIX = 'membership:tier:'

/**
 * Tiers as customer segments (`membership:tier:gold`) for coupon audiences and other plugins,
 * through the core's segment directory: they never read this plugin's tables. A customer without
 * an account yet is in the lowest tier.
 */
export const tierSegments: SegmentProvider = {
  async list(ctx) {
    const { tiers } = await ctx.settingsOf(manifest)
    return tiers.map((tier) => ({
      id: `${PREFIX}${tier.id}`,
      label: { en: `${tier.name.en} members`, 'zh-CN': tier.name['zh-CN'] },
    }))
  },
  async of(ctx, customerId) {
    const settings = await ctx.settingsOf(manifest)
    const account = await readAccount(ctx, customerId)
    return [`${PREFIX}${tierOf(settings, account?.tier ?? '').id}`]
  },
}
