import type { Member } from '../shared/api.ts'

/** How far the customer is towards the next tier, 0–100. */
export function progressPercent(member: Pick<Member, 'periodGrowth' | 'next'>): number {
  if (!member.next) return 100
  const goal = member.next.tier.growth
  return goal <= 0
    ? 100
    : Math.max(0, Math.min(100, Math.floor((member.periodGrowth / goal) * 100)))
}
