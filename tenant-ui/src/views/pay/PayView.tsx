import type { ViewProps } from '../../app/App.tsx'
import { PageBar } from '../../app/ui/ui.tsx'
import { useStorefront } from '../../app/storefront-context.ts'

/** TODO(journey): the payment page. */
export default function PayView(_p: ViewProps<null>) {
  const store = useStorefront()
  return (
    <main class="mk-view">
      <PageBar title={store.locale === 'en' ? 'Payment' : '支付'} />
    </main>
  )
}
