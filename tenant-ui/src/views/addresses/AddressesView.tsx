import type { ViewProps } from '../../app/App.tsx'
import { PageBar } from '../../app/ui/ui.tsx'
import { useStorefront } from '../../app/storefront-context.ts'

/** TODO(journey): the addresses page. */
export default function AddressesView(_p: ViewProps<null>) {
  const store = useStorefront()
  return (
    <main class="mk-view">
      <PageBar title={store.locale === 'en' ? 'Addresses' : '收货地址'} />
    </main>
  )
}
