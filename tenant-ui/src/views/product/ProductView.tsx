import type { ViewProps } from '../../app/App.tsx'
import { PageBar } from '../../app/ui/ui.tsx'
import { useStorefront } from '../../app/storefront-context.ts'

/** TODO(journey): the product page. */
export default function ProductView(_p: ViewProps<null>) {
  const store = useStorefront()
  return (
    <main class="mk-view">
      <PageBar title={store.locale === 'en' ? 'Product' : '商品详情'} />
    </main>
  )
}
