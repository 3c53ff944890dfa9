import { createResource, createSignal, Show } from 'solid-js'
import IconArrowLeft from '~icons/lucide/arrow-left'
import IconExternalLink from '~icons/lucide/external-link'
import { localized } from '../../../app/i18n.ts'
import { mallAccess } from '../../../app/mall-access.ts'
import { kitText } from '../../../kit/strings.ts'
import type { SectionProps } from '../../section.ts'
import { catalogApi } from '../shared/catalog-api.ts'
import { ProductForm } from './ProductForm.tsx'
import { productText } from './product-strings.ts'
import { StatusBadge } from './StatusBadge.tsx'

// Survives the move from `/products/new` to the created product's editor; shown only there.
const [flash, setFlash] = createSignal<{ productId: string; message: string }>()

/** A product's editor (`productId`), or the form of a new one. */
export function ProductEditor(p: SectionProps & { productId: string | undefined }) {
  const text = productText
  const access = mallAccess(p.slug)
  const [product, { mutate }] = createResource(
    () => p.productId,
    (id) => catalogApi.product(p.slug, id),
  )
  // Reading an errored resource throws: only a loaded product is read.
  const loaded = () =>
    product.state === 'ready' || product.state === 'refreshing' ? product() : undefined
  const currency = () => loaded()?.currency ?? access()?.mall.currency ?? 'CNY'
  const back = (e: MouseEvent) => {
    e.preventDefault()
    setFlash(undefined)
    p.go([])
  }

  return (
    <div class="mk-cat">
      <div class="mk-cat-head">
        <a class="ck-link mk-cat-iconbtn" href={p.href([])} onClick={back}>
          <IconArrowLeft aria-hidden="true" />
          <span>{text().back}</span>
        </a>
        <h2>{p.productId ? localized(loaded()?.title) || text().editTitle : text().newTitle}</h2>
        <Show when={loaded()}>
          {(loaded) => (
            <>
              <StatusBadge status={loaded().status} />
              <Show when={loaded().status === 'active'}>
                <a
                  class="ck-link mk-cat-iconbtn"
                  href={`/s/${p.slug}/products/${loaded().id}`}
                  target="_blank"
                  rel="noopener"
                >
                  <IconExternalLink aria-hidden="true" />
                  <span>{text().viewInStore}</span>
                </a>
              </Show>
            </>
          )}
        </Show>
      </div>
      <Show when={flash()?.productId === p.productId && flash()}>
        {(shown) => (
          <p class="ck-notice mk-cat-flash" role="status">
            {shown().message}
          </p>
        )}
      </Show>
      <Show
        when={!p.productId || loaded()}
        fallback={<LoadState failed={product.state === 'errored'} />}
      >
        <ProductForm
          slug={p.slug}
          product={loaded()}
          currency={currency()}
          onSaved={(saved, created) => {
            setFlash({ productId: saved.id, message: created ? text().created : text().saved })
            if (created) p.go([saved.id])
            else mutate(saved)
          }}
          onArchived={(archived) => {
            setFlash({ productId: archived.id, message: text().archivedDone })
            mutate(archived)
          }}
        />
      </Show>
    </div>
  )
}

function LoadState(p: { failed: boolean }) {
  return (
    <p class={p.failed ? 'ck-error' : 'ck-muted'} role={p.failed ? 'alert' : undefined}>
      {p.failed ? productText().loadFailed : kitText().loading}
    </p>
  )
}
