import { createSignal } from 'solid-js'

const [notice, setNotice] = createSignal<string | null>(null)

/**
 * The agency screens' last success message, shown once by the next screen that renders it (so
 * "created" survives the move from the form to the new mall's page).
 */
export { notice }

/** Shows `message` as success feedback. */
export const announce = (message: string) => setNotice(message)

/** Forgets the message (a screen does this when it unmounts). */
export const clearNotice = () => setNotice(null)
