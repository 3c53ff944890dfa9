import { createEffect, Show, type JSX } from 'solid-js'
import { t } from '../app/i18n.ts'
import { mallAccess, type MallAccess } from '../app/mall-access.ts'
import { navigate, route, routePath } from '../app/router.ts'
import { builtInPermission, MallNav, mallTabs, type MallTab } from './MallNav.tsx'

/**
 * The frame of a mall's screens: the way back to the malls, the title and the tabs, then the
 * screen, only when the staff member holds `permission` (otherwise a notice, never the screen:
 * the API would refuse it anyway).
 */
export function MallFrame(p: {
  slug: string
  current: MallTab
  title: string
  permission: string | undefined
  children: (access: MallAccess) => JSX.Element
}) {
  const access = mallAccess(p.slug)
  // A mall opens on its pages; staff who may not edit them start on their first screen instead.
  createEffect(() => {
    const current = access()
    if (route().screen !== 'pages' || !current || current.permissions.has(builtInPermission.pages))
      return
    const first = mallTabs(p.slug, current)[0]
    if (first) navigate(first.route, { replace: true })
  })
  return (
    <main class="ck-main">
      <p>
        <a
          href={routePath({ screen: 'malls' })}
          onClick={(e) => {
            e.preventDefault()
            navigate({ screen: 'malls' })
          }}
        >
          ← {t().malls}
        </a>
      </p>
      <h1>
        {p.title} · {access()?.mall.name ?? p.slug}
      </h1>
      <Show when={!access.error} fallback={<p class="ck-error">{t().loadFailed}</p>}>
        <Show when={access()}>
          {(current) => (
            <>
              <MallNav slug={p.slug} current={p.current} access={current()} />
              <Show
                when={p.permission !== undefined && current().permissions.has(p.permission)}
                fallback={
                  <p class="ck-notice" role="alert" data-testid="no-access">
                    {t().noAccess}
                  </p>
                }
              >
                {p.children(current())}
              </Show>
            </>
          )}
        </Show>
      </Show>
    </main>
  )
}
