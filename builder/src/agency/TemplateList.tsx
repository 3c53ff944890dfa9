import { ConfirmButton } from '../kit/ConfirmButton.tsx'
import { ListView } from '../kit/ListView.tsx'
import { agencyApi, type MallTemplate } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'
import { agencyHref, follow } from './nav.ts'
import { announce } from './notice.ts'

/** The agency's templates: what each copies, where it came from; delete (confirmed). */
export function TemplateList(p: { agencyId: string }) {
  const text = agencyText
  let reload = () => {}
  return (
    <ListView<MallTemplate>
      load={(query) => agencyApi.templates(p.agencyId, query)}
      searchLabel={text().searchTemplates}
      ref={(controls) => (reload = controls.reload)}
      empty={<p>{text().noTemplates}</p>}
      head={
        <>
          <th>{text().name}</th>
          <th>{text().source}</th>
          <th>{text().pagesCount}</th>
          <th>{text().plugins}</th>
          <th>
            <span class="ck-sr">{text().deleteTemplate}</span>
          </th>
        </>
      }
      row={(template) => (
        <>
          <td>
            <span
              class="ak-swatch"
              aria-hidden="true"
              style={{ background: template.theme.primary ?? 'var(--ck-accent)' }}
            />
            {template.name}
          </td>
          <td>
            {template.sourceMall ? (
              <a
                href={agencyHref([p.agencyId, 'malls', template.sourceMall.id])}
                onClick={follow([p.agencyId, 'malls', template.sourceMall.id])}
              >
                {template.sourceMall.name}
              </a>
            ) : (
              ''
            )}
          </td>
          <td class="ck-num">{template.pages.length}</td>
          <td>{template.plugins.join(', ')}</td>
          <td>
            <ConfirmButton
              question={text().confirmDeleteTemplate(template.name)}
              danger
              onConfirm={async () => {
                await agencyApi.deleteTemplate(p.agencyId, template.id)
                announce(text().templateDeleted(template.name))
                reload()
              }}
            >
              {text().deleteTemplate}
            </ConfirmButton>
          </td>
        </>
      )}
    />
  )
}
