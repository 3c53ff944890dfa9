import { Show } from 'solid-js'
import IconHeadset from '~icons/lucide/headset'
import { useStorefront } from '../../app/storefront-context.ts'
import { mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import type { CustomerServiceProps, ServiceContact } from './manifest.ts'
import './customer-service.css'

const contactHref = (base: string, contact: ServiceContact) =>
  contact.kind === 'phone'
    ? `tel:${contact.phone.replace(/[ -]/g, '')}`
    : mallHref(base, contact.url)

/** A floating round button that calls the mall or opens its service link. */
export default function CustomerServiceBlock(p: BlockComponentProps<CustomerServiceProps>) {
  const store = useStorefront()
  return (
    <Show when={p.props.contact}>
      {(contact) => (
        <a
          class="mk-cs"
          classList={{ 'mk-cs--left': p.props.side === 'left' }}
          href={contactHref(store.base, contact())}
          aria-label={pick(p.props.label, store.locale)}
          title={pick(p.props.label, store.locale)}
        >
          <IconHeadset aria-hidden="true" class="mk-cs__icon" />
        </a>
      )}
    </Show>
  )
}
