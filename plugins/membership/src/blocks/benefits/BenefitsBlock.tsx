import { For, Show } from 'solid-js'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import type { BenefitsProps } from '../../block-manifests.ts'
import { membershipApi, type Member } from '../shared/api.ts'
import { BlockStates } from '../shared/BlockStates.tsx'
import { memberText } from '../shared/messages.ts'
import { benefitLines } from './benefit-lines.ts'
import { createPersonal } from '../shared/personal.ts'
import '../shared/membership.css'

/** The benefits of the customer's tier, and of the next one to aim for. */
export default function BenefitsBlock(p: { props: BenefitsProps }) {
  const store = useStorefront()
  const t = inLocale(memberText, store.locale)
  const member = createPersonal(store.base, () => membershipApi<Member>(store.base, '/me'))
  const title = () => p.props.title || t.benefitsTitle
  const Card = (c: { heading: string; tier: Member['tier'] }) => (
    <div class="mk-member__benefits" data-tier={c.tier.id}>
      <h3>{c.heading}</h3>
      <ul>
        <For each={benefitLines(c.tier, t)}>{(line) => <li>{line}</li>}</For>
      </ul>
    </div>
  )
  return (
    <section class="mk-member mk-member--benefits" aria-label={title()}>
      <h2 class="mk-member__title">{title()}</h2>
      <BlockStates
        value={member.value()}
        base={store.base}
        t={t}
        guest={t.loginToSee}
        onRetry={() => void member.reload()}
      >
        {(m) => (
          <div class="mk-member__panel">
            <Card heading={`${t.currentTier}: ${m().tier.name[store.locale]}`} tier={m().tier} />
            <Show when={m().next} keyed>
              {(next) => (
                <Card heading={t.nextTier(next.tier.name[store.locale])} tier={next.tier} />
              )}
            </Show>
          </div>
        )}
      </BlockStates>
    </section>
  )
}
