/**
 * A success message carried from one screen of the section to the next (a save, then the coupon's
 * page). The console mounts a fresh screen on every navigation: the next screen takes it once.
 */
let pending = ''

/** Leaves `message` for the next screen. */
export const setFlash = (message: string) => {
  pending = message
}

/** The message left for this screen, if any; it is then gone. */
export function takeFlash(): string {
  const message = pending
  pending = ''
  return message
}
