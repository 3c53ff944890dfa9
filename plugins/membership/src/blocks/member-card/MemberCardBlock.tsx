import { Show } from 'solid-js'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { formatPrice } from '../../../../../tenant-ui/src/shared/format.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import type { MemberCardProps } from '../../block-manifests.ts'
import { membershipApi, type Member } from '../shared/api.ts'
import { BlockStates } from '../shared/BlockStates.tsx'
import { memberText } from '../shared/messages.ts'
import { createPersonal } from '../shared/personal.ts'
import { progressPercent } from './progress.ts'
import '../shared/membership.css'

/**
 * The member card: the customer's tier, growth and progress to the next tier (its name, its
 * threshold and how far there is left), points and balance.
 * The server renders a skeleton (its HTML is shared); the card loads after hydration, and a
 * guest is invited to log in.
 */
export default function MemberCardBlock(p: { props: MemberCardProps }) {
  const store = useStorefront()
  const t = inLocale(memberText, store.locale)
  const member = createPersonal(store.base, () => membershipApi<Member>(store.base, '/me'))
  const title = () => p.props.title || t.cardTitle
  return (
    <section class="mk-member mk-member--card" aria-label={title()}>
      <h2 class="mk-member__title">{title()}</h2>
      <BlockStates
        value={member.value()}
        base={store.base}
        t={t}
        guest={t.loginInvite}
        onRetry={() => void member.reload()}
      >
        {(m) => (
          <div class="mk-member__card" data-tier={m().tier.id}>
            <div class="mk-member__tier">
              <strong class="mk-member__tier-name">{m().tier.name[store.locale]}</strong>
              <span class="mk-member__growth">
                {t.growth} {m().periodGrowth}
              </span>
            </div>
            <Show when={p.props.showProgress}>
              <Show when={m().next} keyed fallback={<p class="mk-member__next">{t.topTier}</p>}>
                {(next) => (
                  <>
                    <div
                      class="mk-member__bar"
                      role="progressbar"
                      aria-label={t.progressLabel(next.tier.name[store.locale])}
                      aria-valuemin="0"
                      aria-valuemax="100"
                      aria-valuenow={progressPercent(m())}
                    >
                      <span style={{ width: `${progressPercent(m())}%` }} />
                    </div>
                    <p class="mk-member__next">
                      {t.toNext(next.missing, next.tier.name[store.locale])}
                    </p>
                    <p class="mk-member__threshold">
                      {t.nextThreshold(
                        next.tier.name[store.locale],
                        next.tier.growth,
                        m().periodGrowth,
                      )}
                    </p>
                  </>
                )}
              </Show>
            </Show>
            <dl class="mk-member__stats">
              <div>
                <dt>{t.points}</dt>
                <dd data-testid="member-points">{m().points}</dd>
              </div>
              <Show when={p.props.showBalance}>
                <div>
                  <dt>{t.balance}</dt>
                  <dd data-testid="member-balance">{formatPrice(m().balance)}</dd>
                </div>
              </Show>
            </dl>
          </div>
        )}
      </BlockStates>
    </section>
  )
}
