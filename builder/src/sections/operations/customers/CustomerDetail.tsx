import { createResource, For, Show } from 'solid-js'
import { ApiError } from '../../../app/api.ts'
import type { SectionProps } from '../../section.ts'
import { BackLink } from '../shared/BackLink.tsx'
import { formatTime } from '../shared/format.ts'
import { opsText } from '../shared/strings.ts'
import { customerApi } from './customer-api.ts'
import { customerText } from './customer-strings.ts'
import { CustomerOrders } from './CustomerOrders.tsx'

/** One customer: profile, address book and orders. */
export function CustomerDetail(p: SectionProps & { customerId: string }) {
  const text = customerText
  const [customer] = createResource(
    () => p.customerId,
    (id) => customerApi.get(p.slug, id),
  )
  const [addresses] = createResource(
    () => p.customerId,
    (id) => customerApi.addresses(p.slug, id),
  )
  const missing = () => customer.error instanceof ApiError && customer.error.problem.status === 404
  return (
    <div>
      <BackLink href={p.href([])} go={() => p.go([])} />
      <Show
        when={!customer.error}
        fallback={<p class="ck-notice">{missing() ? opsText().notFound : opsText().loadFailed}</p>}
      >
        <Show when={customer()}>
          {(c) => (
            <div class="ops-grid-2">
              <div>
                <section class="ck-card ops-card">
                  <h2>{c().name || text().unnamed}</h2>
                  <dl class="ops-totals ops-profile">
                    <dt>{text().email}</dt>
                    <dd>{c().email ?? '—'}</dd>
                    <dt>{text().phone}</dt>
                    <dd>{c().phone ?? '—'}</dd>
                    <dt>{text().joined}</dt>
                    <dd>{formatTime(c().createdAt)}</dd>
                  </dl>
                </section>
                <section class="ck-card ops-card">
                  <h2>{text().addresses}</h2>
                  <Show
                    when={(addresses()?.items.length ?? 0) > 0}
                    fallback={
                      <p class="ck-muted">
                        {addresses.error ? opsText().loadFailed : text().noAddresses}
                      </p>
                    }
                  >
                    <ul class="ops-plain">
                      <For each={addresses()?.items}>
                        {(a) => (
                          <li>
                            <address class="ops-address">
                              <strong>{a.recipient}</strong> {a.phone}{' '}
                              <Show when={a.isDefault}>
                                <span class="ck-badge">{text().isDefault}</span>
                              </Show>
                              <br />
                              {[a.province, a.city, a.district, a.line1, a.line2]
                                .filter(Boolean)
                                .join(' ')}
                              <Show when={a.country !== 'CN'}>
                                {' '}
                                {a.postalCode} {a.country}
                              </Show>
                            </address>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </section>
              </div>
              <CustomerOrders
                slug={p.slug}
                customerId={p.customerId}
                canSeeOrders={p.permissions.has('core:orders.read')}
              />
            </div>
          )}
        </Show>
      </Show>
    </div>
  )
}
