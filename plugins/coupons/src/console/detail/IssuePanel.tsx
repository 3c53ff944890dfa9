import { createResource, createSignal, For, onCleanup, Show } from 'solid-js'
import { problemMessages } from '../../../../../builder/src/kit/problems.ts'
import {
  issueCoupon,
  searchCustomers,
  type Customer,
  type IssueResult,
  type TemplateView,
} from '../client.ts'
import { text } from '../strings.ts'

const who = (c: Customer) => c.name || c.email || c.phone || c.id

/** Issues the coupon to customers found by name, email or phone. */
export function IssuePanel(p: { slug: string; template: TemplateView; onIssued: () => void }) {
  const t = () => text()
  const [typed, setTyped] = createSignal('')
  const [q, setQ] = createSignal<string | null>(null)
  const [chosen, setChosen] = createSignal<Customer[]>([])
  const [busy, setBusy] = createSignal(false)
  const [result, setResult] = createSignal<IssueResult | null>(null)
  const [error, setError] = createSignal('')
  // One key per choice of customers: pressing again after a lost answer issues nothing twice.
  let key: string | null = null
  const [found] = createResource(q, (query) =>
    searchCustomers(p.slug, query).then((page) => page.items),
  )

  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const search = (value: string) => {
    setTyped(value)
    clearTimeout(timer)
    timer = setTimeout(() => setQ(value.trim() || null), 250)
  }
  const choose = (customer: Customer) => {
    key = null
    setResult(null)
    setChosen((list) => (list.some((c) => c.id === customer.id) ? list : [...list, customer]))
  }
  const drop = (id: string) => {
    key = null
    setChosen((list) => list.filter((c) => c.id !== id))
  }
  const nameOf = (id: string) => {
    const c = chosen().find((c) => c.id === id)
    return c ? who(c) : id
  }

  const issue = async () => {
    key ??= crypto.randomUUID()
    setBusy(true)
    setError('')
    try {
      const outcome = await issueCoupon(
        p.slug,
        p.template.id,
        chosen().map((c) => c.id),
        key,
      )
      setResult(outcome)
      setChosen((list) => list.filter((c) => outcome.refused.some((r) => r.customerId === c.id)))
      key = null
      p.onIssued()
    } catch (failure) {
      setError(problemMessages(failure).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="ck-card mk-coupons-issue" aria-labelledby="coupon-issue">
      <h2 id="coupon-issue">{t().issue}</h2>
      <p class="ck-help">{t().issueHelp}</p>
      <label class="ck-search">
        <span class="ck-sr">{t().findCustomers}</span>
        <input
          type="search"
          placeholder={t().findCustomers}
          aria-label={t().findCustomers}
          value={typed()}
          onInput={(e) => search(e.currentTarget.value)}
        />
      </label>
      <Show when={q() !== null && found()}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="ck-muted">{t().noCustomers}</p>}>
            <ul class="ck-list mk-coupons-found" aria-label={t().findCustomers}>
              <For each={items()}>
                {(customer) => (
                  <li class="ck-list__row">
                    <span class="ck-list__title">{who(customer)}</span>
                    <span class="ck-muted">{customer.email ?? customer.phone ?? ''}</span>
                    <button
                      type="button"
                      class="ck-btn"
                      aria-label={t().chooseCustomer(who(customer))}
                      disabled={chosen().some((c) => c.id === customer.id)}
                      onClick={() => choose(customer)}
                    >
                      {t().choose}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={chosen().length > 0}>
        <p class="ck-muted">{t().chosen(chosen().length)}</p>
        <ul class="mk-coupons-chips">
          <For each={chosen()}>
            {(customer) => (
              <li>
                {who(customer)}{' '}
                <button
                  type="button"
                  class="ck-icon-btn"
                  aria-label={t().removeCustomer(who(customer))}
                  onClick={() => drop(customer.id)}
                >
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="ck-form-actions">
        <button
          type="button"
          class="ck-btn ck-btn--primary"
          disabled={busy() || chosen().length === 0}
          onClick={() => void issue()}
        >
          {busy() ? t().issuing : t().issueTo(chosen().length)}
        </button>
      </div>
      <Show when={result()}>
        {(r) => (
          <div role="status">
            <Show when={r().issued.length > 0}>
              <p class="mk-coupons-ok">{t().issued(r().issued.length)}</p>
            </Show>
            <Show when={r().refused.length > 0}>
              <p class="ck-error">{t().refused}</p>
              <ul>
                <For each={r().refused}>
                  {(refusal) => (
                    <li>
                      {nameOf(refusal.customerId)}: {refusal.detail}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
      <Show when={error()}>
        <p class="ck-error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  )
}
