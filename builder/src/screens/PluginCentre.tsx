import { createResource, createSignal, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import IconSettings from '~icons/lucide/settings'
import type { PluginState } from '../../../core/src/plugins/installs.ts'
import { api, mallApi } from '../app/api.ts'
import { localized, t } from '../app/i18n.ts'
import { refreshMallAccess } from '../app/mall-access.ts'
import { blockIcon } from '../page-editor/block-icons.ts'
import { MallScreen } from './MallScreen.tsx'
import { PluginSettings } from './PluginSettings.tsx'

/** The mall's installed plugins: what the plan allows and what is on, with a switch for each. */
export function PluginCentre(p: { slug: string }) {
  const [plugins, { mutate }] = createResource(
    () => p.slug,
    (slug) => api<{ items: PluginState[] }>(mallApi(slug, '/plugins')).then((r) => r.items),
  )
  const replace = (next: PluginState) =>
    mutate((items) => items?.map((item) => (item.id === next.id ? next : item)))
  return (
    <MallScreen slug={p.slug} current="plugins" items={plugins} empty={t().noPlugins}>
      {(plugin) => <PluginRow slug={p.slug} plugin={plugin} onChange={replace} />}
    </MallScreen>
  )
}

function PluginRow(p: {
  slug: string
  plugin: PluginState
  onChange: (next: PluginState) => void
}) {
  const [confirming, setConfirming] = createSignal(false)
  const [showSettings, setShowSettings] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const name = () => localized(p.plugin.name) || p.plugin.id

  const setEnabled = async (enabled: boolean) => {
    setConfirming(false)
    setBusy(true)
    setError(null)
    try {
      const next = await api<PluginState>(
        mallApi(p.slug, `/plugins/${encodeURIComponent(p.plugin.id)}`),
        { method: 'PUT', body: { enabled } },
      )
      p.onChange(next)
      refreshMallAccess(p.slug)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li class="ck-plugin" data-plugin-id={p.plugin.id}>
      <div class="ck-list__row">
        <Dynamic component={blockIcon(p.plugin.icon ?? '')} aria-hidden="true" />
        <div class="ck-plugin__text">
          <span class="ck-list__title">{name()}</span>{' '}
          <code class="ck-muted">
            {p.plugin.id} {p.plugin.version}
          </code>
          <Show when={p.plugin.description}>
            {(description) => <p class="ck-muted">{localized(description())}</p>}
          </Show>
        </div>
        <span class="ck-badge">{p.plugin.allowed ? t().inPlan : t().notInPlan}</span>
        <Show when={p.plugin.dependsOn.length > 0}>
          <span class="ck-badge">{t().needs(p.plugin.dependsOn.join(', '))}</span>
        </Show>
        <button
          type="button"
          class="ck-btn ck-btn--ghost"
          aria-expanded={showSettings()}
          onClick={() => setShowSettings(!showSettings())}
        >
          <IconSettings aria-hidden="true" /> {t().settings}
        </button>
        <span class="ck-switch">
          <button
            type="button"
            role="switch"
            aria-checked={p.plugin.enabled}
            aria-label={t().togglePlugin(name())}
            // A plugin the plan leaves out may still be turned off, never on.
            disabled={busy() || (!p.plugin.allowed && !p.plugin.enabled)}
            onClick={() => (p.plugin.enabled ? setConfirming(true) : void setEnabled(true))}
          />
          <span>{p.plugin.enabled ? t().pluginOn : t().pluginOff}</span>
        </span>
      </div>
      <Show when={confirming()}>
        <div class="ck-confirm" role="alertdialog" aria-label={t().confirmTurnOff(name())}>
          <span>{t().confirmTurnOff(name())}</span>
          <button
            type="button"
            class="ck-btn ck-btn--danger"
            onClick={() => void setEnabled(false)}
          >
            {t().turnOff}
          </button>
          <button type="button" class="ck-btn" onClick={() => setConfirming(false)}>
            {t().cancel}
          </button>
        </div>
      </Show>
      <Show when={showSettings()}>
        <PluginSettings slug={p.slug} plugin={p.plugin} name={name()} onSaved={p.onChange} />
      </Show>
      <Show when={error()}>
        <p class="ck-error ck-confirm" role="alert">
          {error()}
        </p>
      </Show>
    </li>
  )
}
