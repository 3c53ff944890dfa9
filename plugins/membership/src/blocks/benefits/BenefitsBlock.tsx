import { For, Show } from 'solid-js'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import type { BenefitsProps } from '../../block-manifests.ts'
import { loginHref, membershipApi, type Member } from '../shared/api.ts'
import { BlockStates } from '../shared/BlockStates.tsx'
import { memberText } from '../shared/messages.ts'
import { createPersonal } from '../shared/personal.ts'
import { createProgram } from '../shared/program.ts'
import { benefitLines } from './benefit-lines.ts'
import { earnLines } from './earn-lines.ts'
import '../shared/membership.css'

/**
 * The mall's membership programme: every tier in order with its threshold and benefits, and how
 * points are earned and used. The programme is the same for everyone; the customer's own tier is
 * marked once their standing has loaded (after hydration: the server HTML is shared).
 */
export default function BenefitsBlock(p: { props: BenefitsProps }) {
  const store = useStorefront()
  const t = inLocale(memberText, store.locale)
  const program = createProgram(store.base)
  const member = createPersonal(store.base, () => membershipApi<Member>(store.base, '/me'))
  const title = () => p.props.title || t.benefitsTitle
  const mine = (tierId: string) => member.ready()?.tier.id === tierId
  return (
    <section class="mk-member mk-member--benefits" aria-label={title()}>
      <h2 class="mk-member__title">{title()}</h2>
      <BlockStates
        value={program.value()}
        base={store.base}
        t={t}
        guest=""
        onRetry={() => void program.reload()}
      >
        {(prog) => (
          <div class="mk-member__panel">
            <ol class="mk-member__ladder" aria-label={t.tierLadder}>
              <For each={prog().tiers}>
                {(tier) => (
                  <li
                    class="mk-member__benefits"
                    classList={{ 'mk-member__benefits--mine': mine(tier.id) }}
                    data-tier={tier.id}
                    aria-current={mine(tier.id) ? 'true' : undefined}
                  >
                    <h3>
                      {tier.name[store.locale]}
                      <Show when={mine(tier.id)}>
                        <span class="mk-member__badge">{t.yourTier}</span>
                      </Show>
                    </h3>
                    <p class="mk-member__threshold">{t.tierFrom(tier.growth)}</p>
                    <ul>
                      <For each={benefitLines(tier, t)}>{(line) => <li>{line}</li>}</For>
                    </ul>
                  </li>
                )}
              </For>
            </ol>
            <Show when={member.value().state === 'guest'}>
              <a class="mk-member__link" href={loginHref(store.base)}>
                {t.loginForTier}
              </a>
            </Show>
            <h3 class="mk-member__subtitle">{t.earnTitle}</h3>
            <ul class="mk-member__rules">
              <For each={earnLines(prog(), t)}>{(line) => <li>{line}</li>}</For>
            </ul>
          </div>
        )}
      </BlockStates>
    </section>
  )
}
