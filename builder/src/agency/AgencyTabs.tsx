import { agencyText } from './agency-strings.ts'
import { agencyHref, follow } from './nav.ts'
import { Notice } from './Notice.tsx'

/** The agency's two lists: client malls and templates. */
export function AgencyTabs(p: { agencyId: string; current: 'malls' | 'templates' }) {
  const tab = (id: 'malls' | 'templates', label: string, path: string[]) => (
    <a
      href={agencyHref(path)}
      onClick={follow(path)}
      aria-current={p.current === id ? 'page' : undefined}
    >
      {label}
    </a>
  )
  return (
    <>
      <nav class="ck-tabs" aria-label={agencyText().agencyConsole}>
        {tab('malls', agencyText().clientMalls, [p.agencyId])}
        {tab('templates', agencyText().templates, [p.agencyId, 'templates'])}
      </nav>
      <Notice />
    </>
  )
}
