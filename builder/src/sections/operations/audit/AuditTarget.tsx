import { Show } from 'solid-js'
import { navigate, routePath, type Route } from '../../../app/router.ts'

/** Sections an audit target (`order:{id}`) opens in. */
const sectionOf: Record<string, string> = { order: 'orders', customer: 'customers' }

/** What an audit entry acted on: a link when the console has a screen for it. */
export function AuditTarget(p: { slug: string; target: string | null }) {
  const route = (): Route | undefined => {
    const [kind = '', id = ''] = (p.target ?? '').split(':')
    const section = sectionOf[kind]
    return section && id ? { screen: 'section', slug: p.slug, section, path: [id] } : undefined
  }
  return (
    <Show when={route()} fallback={<code>{p.target ?? ''}</code>}>
      {(to) => (
        <a
          href={routePath(to())}
          onClick={(e) => {
            e.preventDefault()
            navigate(to())
          }}
        >
          <code>{p.target}</code>
        </a>
      )}
    </Show>
  )
}
