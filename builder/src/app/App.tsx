import { createEffect, Match, onMount, Show, Switch } from 'solid-js'
import IconLogOut from '~icons/lucide/log-out'
import { AgencyScreen } from '../agency/AgencyScreen.tsx'
import { EditorScreen } from '../page-editor/EditorScreen.tsx'
import { LoginScreen } from '../screens/LoginScreen.tsx'
import { MallPicker } from '../screens/MallPicker.tsx'
import { PageManager } from '../screens/PageManager.tsx'
import { PluginCentre } from '../screens/PluginCentre.tsx'
import { SectionScreen } from '../screens/SectionScreen.tsx'
import { MallFrame } from '../screens/MallFrame.tsx'
import { builtInPermission } from '../screens/MallNav.tsx'
import { mallAccess } from './mall-access.ts'
import { locale, t } from './i18n.ts'
import { LocaleSelect } from './LocaleSelect.tsx'
import { navigate, route } from './router.ts'
import { loadMe, logOut, me } from './session.ts'

/** The console: who is logged in decides between the login screen and the rest. */
export function App() {
  onMount(() => {
    document.documentElement.lang = locale()
    void loadMe()
  })
  createEffect(() => {
    if (me() === null && route().screen !== 'login')
      navigate({ screen: 'login' }, { replace: true })
  })
  return (
    <Switch>
      <Match when={route().screen === 'login'}>
        <LoginScreen />
      </Match>
      <Match when={me()}>
        {(current) => (
          <div class="ck-app">
            <header class="ck-top">
              <a
                class="ck-brand"
                href="/console/"
                onClick={(e) => {
                  e.preventDefault()
                  navigate({ screen: 'malls' })
                }}
              >
                {t().appName}
              </a>
              <div class="ck-top__end">
                <LocaleSelect />
                <span class="ck-muted">{current().user.email}</span>
                <button
                  type="button"
                  class="ck-btn ck-btn--ghost"
                  onClick={async () => {
                    await logOut()
                    navigate({ screen: 'login' })
                  }}
                >
                  <IconLogOut aria-hidden="true" /> {t().logOut}
                </button>
              </div>
            </header>
            <RouteView />
          </div>
        )}
      </Match>
    </Switch>
  )
}

function RouteView() {
  const current = route
  return (
    <Switch>
      <Match when={current().screen === 'malls'}>
        <MallPicker />
      </Match>
      <Match
        when={(() => {
          const r = current()
          return r.screen === 'pages' ? r : null
        })()}
        keyed
      >
        {(r) => <PageManager slug={r.slug} />}
      </Match>
      <Match
        when={(() => {
          const r = current()
          return r.screen === 'plugins' ? r : null
        })()}
        keyed
      >
        {(r) => <PluginCentre slug={r.slug} />}
      </Match>
      <Match
        when={(() => {
          const r = current()
          return r.screen === 'editor' ? r : null
        })()}
        keyed
      >
        {(r) => <EditorRoute slug={r.slug} pageId={r.pageId} />}
      </Match>
      <Match
        when={(() => {
          const r = current()
          return r.screen === 'section' ? r : null
        })()}
        keyed
      >
        {(r) => <SectionScreen slug={r.slug} section={r.section} path={r.path} />}
      </Match>
      <Match
        when={(() => {
          const r = current()
          return r.screen === 'agency' ? r : null
        })()}
        keyed
      >
        {(r) => <AgencyScreen path={r.path} />}
      </Match>
    </Switch>
  )
}

/** The page editor, for staff who may edit pages; the others get the mall's no-access notice. */
function EditorRoute(p: { slug: string; pageId: string }) {
  const access = mallAccess(p.slug)
  return (
    <Show when={access()} fallback={<Show when={access.error}>{<NoAccess slug={p.slug} />}</Show>}>
      {(current) => (
        <Show
          when={current().permissions.has(builtInPermission.pages)}
          fallback={<NoAccess slug={p.slug} />}
        >
          <EditorScreen slug={p.slug} pageId={p.pageId} />
        </Show>
      )}
    </Show>
  )
}

const NoAccess = (p: { slug: string }) => (
  <MallFrame slug={p.slug} current="pages" title={t().pages} permission={builtInPermission.pages}>
    {() => null}
  </MallFrame>
)
