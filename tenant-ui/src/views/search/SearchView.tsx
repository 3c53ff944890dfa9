import type { ViewProps } from '../../app/App.tsx'
import { PageBar } from '../../app/ui/ui.tsx'
import { useStorefront } from '../../app/storefront-context.ts'

/** TODO(journey): the search page. */
export default function SearchView(_p: ViewProps<null>) {
  const store = useStorefront()
  return (
    <main class="mk-view">
      <PageBar title={store.locale === 'en' ? 'Search' : '搜索'} />
    </main>
  )
}
