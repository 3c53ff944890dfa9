import { createResource, Show } from 'solid-js'
import IconExternal from '~icons/lucide/external-link'
import IconSettings from '~icons/lucide/settings'
import { navigate, routePath } from '../app/router.ts'
import { agencyApi, type ClientMall } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'
import { DomainPanel } from './DomainPanel.tsx'
import { HandoverPanel } from './HandoverPanel.tsx'
import { agencyHref, follow } from './nav.ts'
import { Notice } from './Notice.tsx'
import { PlanPanel } from './PlanPanel.tsx'
import { SaveTemplatePanel } from './SaveTemplatePanel.tsx'
import { StatusBadge } from './StatusBadge.tsx'

/** One client mall: plan and status, domains, handover and the agency's grant, templates. */
export function MallDetail(p: { agencyId: string; tenantId: string }) {
  const text = agencyText
  const [mall, { mutate }] = createResource(
    () => [p.agencyId, p.tenantId] as const,
    ([agencyId, tenantId]) => agencyApi.mall(agencyId, tenantId),
  )
  const changed = (next: ClientMall) => mutate(next)
  return (
    <>
      <a class="ck-link" href={agencyHref([p.agencyId])} onClick={follow([p.agencyId])}>
        ← {text().back}
      </a>
      <Notice />
      <Show when={!mall.error} fallback={<p class="ck-error">{text().failed}</p>}>
        <Show when={mall()}>
          {(current) => (
            <>
              <header class="ak-head">
                <h1>{current().name}</h1>
                <StatusBadge status={current().status} />
                <span class="ck-muted">{current().slug}</span>
                <div class="ak-head__links">
                  {/* A suspended mall's console and a revoked grant both answer 403. */}
                  <Show when={current().grant === 'active' && current().status === 'active'}>
                    <a
                      class="ck-btn ck-btn--primary"
                      href={routePath({ screen: 'pages', slug: current().slug })}
                      onClick={(e) => {
                        e.preventDefault()
                        navigate({ screen: 'pages', slug: current().slug })
                      }}
                    >
                      <IconSettings aria-hidden="true" /> {text().openConsole}
                    </a>
                  </Show>
                  <a
                    class="ck-btn"
                    href={`/s/${encodeURIComponent(current().slug)}/`}
                    target="_blank"
                  >
                    <IconExternal aria-hidden="true" /> {text().storefront}
                  </a>
                </div>
              </header>
              <div class="ak-panels">
                <PlanPanel agencyId={p.agencyId} mall={current()} onChange={changed} />
                <DomainPanel agencyId={p.agencyId} mall={current()} onChange={changed} />
                <HandoverPanel agencyId={p.agencyId} mall={current()} onChange={changed} />
                <Show when={current().grant === 'active'}>
                  <SaveTemplatePanel agencyId={p.agencyId} mall={current()} />
                </Show>
              </div>
            </>
          )}
        </Show>
      </Show>
    </>
  )
}
