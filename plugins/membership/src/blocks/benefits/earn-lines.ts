import { formatPrice } from '../../../../../tenant-ui/src/shared/format.ts'
import type { Program } from '../shared/program.ts'
import type { MemberText } from '../shared/messages.ts'

/** How the mall's customers earn and use points, one line each, in the page's language. */
export function earnLines(program: Program, t: MemberText): string[] {
  const { points, checkIn, redemption, storedValue } = program
  const lines: string[] = []
  if (points.perYuan > 0) lines.push(t.earnOrders(points.perYuan))
  if (points.registration > 0) lines.push(t.earnRegistration(points.registration))
  if (checkIn.points > 0 || checkIn.streakBonus > 0)
    lines.push(t.checkInRule(checkIn.points, checkIn.streakDays, checkIn.streakBonus))
  if (points.share.points > 0 && points.share.dailyCap > 0)
    lines.push(t.earnShare(points.share.points, points.share.dailyCap))
  if (redemption.enabled)
    lines.push(t.redeemRule(redemption.pointsPerYuan, redemption.maxSharePercent))
  if (points.expire) lines.push(t.pointsExpire)
  if (storedValue.enabled && storedValue.cap > 0)
    lines.push(t.storedValueRule(formatPrice(storedValue.cap)))
  return lines
}
