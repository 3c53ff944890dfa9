/** What the browser remembers of a mall's gift popup: when it was dismissed, or that it was claimed. */
interface GiftMemory {
  dismissedAt?: number
  claimed?: boolean
}

const DAY = 86_400_000
const key = (mallSlug: string) => `mk-coupons-gift:${mallSlug}`

function read(mallSlug: string): GiftMemory {
  try {
    return JSON.parse(localStorage.getItem(key(mallSlug)) ?? '{}') as GiftMemory
  } catch {
    return {}
  }
}

function write(mallSlug: string, memory: GiftMemory): void {
  try {
    localStorage.setItem(key(mallSlug), JSON.stringify(memory))
  } catch {
    // Private mode or a full quota: the popup comes back next time, which is harmless.
  }
}

/** Whether the popup may show: never after a claim; after a dismissal, once the reminder is due. */
export function giftDue(mallSlug: string, remindAfterDays: number, now = Date.now()): boolean {
  const memory = read(mallSlug)
  if (memory.claimed) return false
  return memory.dismissedAt === undefined || now - memory.dismissedAt >= remindAfterDays * DAY
}

/** Remembers a dismissal (per mall). */
export const rememberDismissed = (mallSlug: string) =>
  write(mallSlug, { ...read(mallSlug), dismissedAt: Date.now() })

/** Remembers that the gift was claimed (per mall): the popup never shows again. */
export const rememberClaimed = (mallSlug: string) =>
  write(mallSlug, { ...read(mallSlug), claimed: true })
