import type { Entry } from '../shared/api.ts'
import type { MemberText } from '../shared/messages.ts'

/**
 * What a ledger entry is called in the history: its kind, or, for an award of the plugin's own
 * earn rules, what earned it (their entries carry it as the reason: `share <path>`, `review`,
 * `buyer-show`). Other plugins' awards are plain rewards.
 */
export function entryLabel(entry: Pick<Entry, 'kind' | 'reason'>, t: MemberText): string {
  if (entry.kind === 'award') {
    if (entry.reason.startsWith('share ')) return t.shareReward
    if (entry.reason === 'review') return t.reviewReward
    if (entry.reason === 'buyer-show') return t.buyerShowReward
  }
  return t.kinds[entry.kind] ?? entry.kind
}
