import { createEffect, createSignal, on, onCleanup } from 'solid-js'
import type { PageDocument } from '../../../core/src/page/index.ts'

/** Where the draft stands against the server. */
export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed'

/** How long typing may pause before the draft is saved. */
const DEBOUNCE_MS = 800

/**
 * Saves the draft a moment after each change (one request at a time, the newest document
 * last); `flush` saves now and resolves when the server has the current document.
 */
export function useAutosave(
  document: () => PageDocument,
  save: (doc: PageDocument) => Promise<void>,
) {
  const [status, setStatus] = createSignal<SaveStatus>('saved')
  let saved = document()
  let timer: ReturnType<typeof setTimeout> | undefined
  let chain: Promise<void> = Promise.resolve()

  const flush = (): Promise<void> => {
    clearTimeout(timer)
    chain = chain.then(async () => {
      const current = document()
      if (current === saved) {
        setStatus('saved')
        return
      }
      setStatus('saving')
      try {
        await save(current)
        saved = current
        setStatus(document() === saved ? 'saved' : 'unsaved')
      } catch (error) {
        setStatus('failed')
        throw error
      }
    })
    const done = chain
    // A failed save must not block the next one.
    chain = chain.catch(() => undefined)
    return done
  }

  createEffect(
    on(
      document,
      (current) => {
        if (current === saved) return
        setStatus('unsaved')
        clearTimeout(timer)
        timer = setTimeout(() => void flush().catch(() => undefined), DEBOUNCE_MS)
      },
      { defer: true },
    ),
  )
  onCleanup(() => {
    clearTimeout(timer)
    void flush().catch(() => undefined)
  })
  return { status, flush }
}
