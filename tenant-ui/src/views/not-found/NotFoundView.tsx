import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { EmptyState, PageBar, useCommon } from '../../app/ui/ui.tsx'
import { mallHref } from '../../shared/format.ts'

/** Nothing at this path (status 404): says so and leads home. */
export default function NotFoundView(_p: ViewProps<null>) {
  const store = useStorefront()
  const t = useCommon()
  return (
    <main class="mk-view">
      <PageBar title={t.notFoundTitle} />
      <EmptyState
        title={t.notFoundTitle}
        text={t.notFoundText}
        action={
          <a class="mk-button" href={mallHref(store.base, '/')}>
            {t.goHome}
          </a>
        }
      />
    </main>
  )
}
