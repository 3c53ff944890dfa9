import { createResource, createSignal, For, Show } from 'solid-js'
import IconHistory from '~icons/lucide/history'
import IconX from '~icons/lucide/x'
import { api, mallApi } from '../app/api.ts'
import { locale, t } from '../app/i18n.ts'
import { me } from '../app/session.ts'
import { VersionDiff } from './VersionDiff.tsx'

/** A published version as `GET /api/admin/pages/{pageId}/versions` lists it. */
interface PageVersion {
  version: number
  note: string
  publishedBy: string | null
  publishedAt: string
}

/**
 * The page's published versions, newest first, each but the live one with a confirmed rollback.
 * `beforeRollBack` runs first (the editor saves its draft, which the rollback then replaces);
 * `onRolledBack` gets the version brought back and the new version number.
 */
export function VersionHistory(p: {
  slug: string
  pageId: string
  beforeRollBack: () => Promise<void>
  onRolledBack: (from: number, to: number) => void
  onClose: () => void
}) {
  const base = () => mallApi(p.slug, `/pages/${encodeURIComponent(p.pageId)}`)
  const [versions] = createResource(base, (url) =>
    api<{ items: PageVersion[] }>(`${url}/versions`).then((r) => r.items),
  )
  const [confirming, setConfirming] = createSignal<number | null>(null)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)

  const rollBack = async (to: number) => {
    setBusy(true)
    setError(null)
    try {
      await p.beforeRollBack()
      const { version } = await api<{ version: number }>(`${base()}/rollback`, {
        method: 'POST',
        body: { version: to },
      })
      p.onRolledBack(to, version)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
      setBusy(false)
    }
  }

  const who = (id: string | null) =>
    id === null ? t().bySystem : id === me()?.user.id ? t().byYou : t().byOther
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    )

  return (
    <aside class="ck-inspector ck-history" aria-labelledby="history-title">
      <div class="ck-history__head">
        <h2 id="history-title" class="ck-panel-title">
          <IconHistory aria-hidden="true" /> {t().versions}
        </h2>
        <button
          type="button"
          class="ck-icon-btn"
          aria-label={t().closeHistory}
          title={t().closeHistory}
          onClick={() => p.onClose()}
        >
          <IconX aria-hidden="true" />
        </button>
      </div>
      <Show when={error()}>
        <p class="ck-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={!versions.error} fallback={<p class="ck-error">{t().loadFailed}</p>}>
        <Show when={versions()}>
          {(items) => (
            <Show when={items().length > 0} fallback={<p class="ck-muted">{t().noVersions}</p>}>
              <ol class="ck-history__list">
                <For each={items()}>
                  {(entry, index) => (
                    <li data-version={entry.version}>
                      <strong>{t().version(entry.version)}</strong>{' '}
                      <Show when={index() === 0}>
                        <span class="ck-badge">{t().current}</span>
                      </Show>
                      <div class="ck-muted">
                        {t().publishedByAt(who(entry.publishedBy), when(entry.publishedAt))}
                      </div>
                      <Show when={entry.note}>
                        <div>{entry.note}</div>
                      </Show>
                      <Show when={index() < 20}>
                        <VersionDiff pageUrl={base()} version={entry.version} />
                      </Show>
                      <Show when={index() > 0}>
                        <Show
                          when={confirming() === entry.version}
                          fallback={
                            <button
                              type="button"
                              class="ck-btn"
                              aria-label={t().rollBackTo(entry.version)}
                              disabled={busy()}
                              onClick={() => setConfirming(entry.version)}
                            >
                              {t().rollBack}
                            </button>
                          }
                        >
                          <div class="ck-confirm" role="alertdialog">
                            <span>{t().confirmRollBack(entry.version)}</span>
                            <button
                              type="button"
                              class="ck-btn ck-btn--danger"
                              disabled={busy()}
                              onClick={() => void rollBack(entry.version)}
                            >
                              {t().rollBack}
                            </button>
                            <button
                              type="button"
                              class="ck-btn"
                              onClick={() => setConfirming(null)}
                            >
                              {t().cancel}
                            </button>
                          </div>
                        </Show>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          )}
        </Show>
      </Show>
    </aside>
  )
}
