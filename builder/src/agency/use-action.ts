import { createSignal } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import { problemMessages } from '../kit/problems.ts'

/**
 * One weighty request of a panel: `busy` while it runs (to disable its buttons), the refusal's
 * field messages and message afterwards, or `done` with the success message.
 */
export function useAction() {
  const [busy, setBusy] = createSignal(false)
  // A store, so a field's input is rebuilt only when its own message changes (Field rebuilds its
  // input on every change of its error).
  const [errorStore, setErrorStore] = createStore<Record<string, string>>({})
  const setErrors = (next: Record<string, string>) => setErrorStore(reconcile(next))
  const errors = () => errorStore
  const [message, setMessage] = createSignal('')
  const [done, setDone] = createSignal('')
  const run = async <T>(work: () => Promise<T>, success: (result: T) => string) => {
    setBusy(true)
    setErrors({})
    setMessage('')
    setDone('')
    try {
      const result = await work()
      setDone(success(result))
      return result
    } catch (error) {
      const problem = problemMessages(error)
      setErrors(problem.fields)
      setMessage(problem.message)
      return undefined
    } finally {
      setBusy(false)
    }
  }
  return { busy, errors, setErrors, message, done, run }
}
