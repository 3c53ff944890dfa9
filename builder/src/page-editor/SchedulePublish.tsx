import { createSignal, createUniqueId, Show } from 'solid-js'
import IconCalendarClock from '~icons/lucide/calendar-clock'
import { api, mallApi } from '../app/api.ts'
import { locale } from '../app/i18n.ts'
import { problemMessages } from '../kit/problems.ts'
import { editorText } from './editor-strings.ts'
import { Popover } from './Popover.tsx'

/** A time as `<input type="datetime-local">` shows it, in the browser's time zone. */
const localInput = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`
}

/**
 * Schedules the draft to be published at a time (a job on the server publishes it then, taking
 * the draft as it is at that moment), or cancels the schedule.
 */
export function SchedulePublish(p: {
  slug: string
  pageId: string
  publishAt: string | null
  beforeUse: () => Promise<void>
}) {
  const id = createUniqueId()
  const [at, setAt] = createSignal<string | null>(p.publishAt)
  const [typed, setTyped] = createSignal(
    localInput(p.publishAt ? new Date(p.publishAt) : new Date(Date.now() + 3600_000)),
  )
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const url = () => mallApi(p.slug, `/pages/${encodeURIComponent(p.pageId)}/schedule`)
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' })

  const save = async () => {
    setError(null)
    const date = new Date(typed())
    if (Number.isNaN(date.getTime()) || date.getTime() <= Date.now())
      return setError(editorText().schedulePast)
    setBusy(true)
    try {
      await p.beforeUse()
      await api(url(), { method: 'PUT', body: { at: date.toISOString() } })
      setAt(date.toISOString())
    } catch (e) {
      const problems = problemMessages(e)
      setError(problems.fields.at ? editorText().schedulePast : problems.message)
    } finally {
      setBusy(false)
    }
  }
  const cancel = async () => {
    setBusy(true)
    try {
      await api(url(), { method: 'DELETE' })
      setAt(null)
    } catch (e) {
      setError(problemMessages(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Popover
      label={at() ? editorText().scheduled(when(at() ?? '')) : editorText().schedule}
      title={editorText().scheduleTitle}
      icon={<IconCalendarClock aria-hidden="true" />}
    >
      {() => (
        <>
          <Show when={at()}>
            {(iso) => <p class="ck-notice">{editorText().scheduled(when(iso()))}</p>}
          </Show>
          <div class="ck-field">
            <label class="ck-field__label" for={id}>
              {editorText().scheduleAt}
            </label>
            <input
              id={id}
              type="datetime-local"
              value={typed()}
              aria-invalid={Boolean(error())}
              aria-describedby={`${id}-error`}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
            <Show when={error()}>
              <span class="ck-error" id={`${id}-error`} role="alert">
                {error()}
              </span>
            </Show>
          </div>
          <div class="ck-form-actions">
            <button
              type="button"
              class="ck-btn ck-btn--primary"
              disabled={busy()}
              onClick={() => void save()}
            >
              {editorText().scheduleSave}
            </button>
            <Show when={at()}>
              <button type="button" class="ck-btn" disabled={busy()} onClick={() => void cancel()}>
                {editorText().scheduleCancel}
              </button>
            </Show>
          </div>
        </>
      )}
    </Popover>
  )
}
