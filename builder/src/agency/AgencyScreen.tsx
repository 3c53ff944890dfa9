import { t } from '../app/i18n.ts'

/** The agency's screens (client malls, templates); `path` is below `/console/agency`. */
export function AgencyScreen(_p: { path: readonly string[] }) {
  return (
    <main class="ck-main">
      <p class="ck-notice">{t().notFound}</p>
    </main>
  )
}
