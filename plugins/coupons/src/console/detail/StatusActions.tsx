import { createSignal, Show } from 'solid-js'
import { ConfirmButton } from '../../../../../builder/src/kit/ConfirmButton.tsx'
import { problemMessages } from '../../../../../builder/src/kit/problems.ts'
import { changeStatus, type StatusAction, type TemplateView } from '../client.ts'
import { text } from '../strings.ts'

/** Go live, pause, resume and end (asked first), as the coupon's status allows. */
export function StatusActions(p: {
  slug: string
  template: TemplateView
  onChange: (next: TemplateView) => void
  onEdit: () => void
}) {
  const t = () => text()
  const [busy, setBusy] = createSignal(false)
  const [notice, setNotice] = createSignal('')
  const [error, setError] = createSignal('')
  const run = async (action: StatusAction) => {
    setBusy(true)
    setError('')
    setNotice('')
    try {
      p.onChange(await changeStatus(p.slug, p.template.id, action))
      setNotice(t().statusChanged[action])
    } catch (failure) {
      setError(problemMessages(failure).message)
    } finally {
      setBusy(false)
    }
  }
  const status = () => p.template.status
  return (
    <div class="mk-coupons-actions">
      <div class="mk-coupons-actions__buttons">
        <Show when={status() !== 'ended'}>
          <button type="button" class="ck-btn" onClick={() => p.onEdit()}>
            {t().edit}
          </button>
        </Show>
        <Show when={status() === 'draft'}>
          <button
            type="button"
            class="ck-btn ck-btn--primary"
            disabled={busy()}
            onClick={() => void run('publish')}
          >
            {t().publish}
          </button>
        </Show>
        <Show when={status() === 'live'}>
          <ConfirmButton
            question={t().confirmPause}
            disabled={busy()}
            onConfirm={() => run('pause')}
          >
            {t().pause}
          </ConfirmButton>
        </Show>
        <Show when={status() === 'paused'}>
          <button
            type="button"
            class="ck-btn ck-btn--primary"
            disabled={busy()}
            onClick={() => void run('resume')}
          >
            {t().resume}
          </button>
        </Show>
        <Show when={status() !== 'ended'}>
          <ConfirmButton
            danger
            question={t().confirmEnd(p.template.name)}
            confirmLabel={t().end}
            disabled={busy()}
            onConfirm={() => run('end')}
          >
            {t().end}
          </ConfirmButton>
        </Show>
      </div>
      <Show when={notice()}>
        <p class="mk-coupons-ok" role="status">
          {notice()}
        </p>
      </Show>
      <Show when={error()}>
        <p class="ck-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  )
}
