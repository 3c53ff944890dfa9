import type { ViewProps } from '../../app/App.tsx'
import { PageBar } from '../../app/ui/ui.tsx'
import { useStorefront } from '../../app/storefront-context.ts'

/** TODO(journey): the my orders page. */
export default function OrdersView(_p: ViewProps<null>) {
  const store = useStorefront()
  return (
    <main class="mk-view">
      <PageBar title={store.locale === 'en' ? 'My orders' : '我的订单'} />
    </main>
  )
}
