import { createSignal, For } from 'solid-js'
import { localized } from '../../../../../builder/src/app/i18n.ts'
import { mallAccess } from '../../../../../builder/src/app/mall-access.ts'
import { ListView } from '../../../../../builder/src/kit/ListView.tsx'
import { formatMoney } from '../../../../../builder/src/kit/money.ts'
import type { SectionProps } from '../../../../../builder/src/sections/section.ts'
import { listMembers, type Member } from '../client.ts'
import { text } from '../strings.ts'
import { createTiers } from '../tiers.ts'

/** The mall's members, newest first: searchable by name, email or phone, filtered by tier. */
export function MemberList(p: SectionProps) {
  const t = () => text()
  const [tier, setTier] = createSignal('')
  const tiers = createTiers(p.slug)
  const currency = () => mallAccess(p.slug)()?.mall.currency ?? 'CNY'
  const open = (id: string) => (e: MouseEvent) => {
    e.preventDefault()
    p.go([id])
  }
  return (
    <div class="mk-membership">
      <ListView<Member>
        load={(query) => listMembers(p.slug, query)}
        filters={{ tier: tier() || undefined }}
        searchLabel={t().searchMembers}
        toolbar={
          <label class="mk-membership-filter">
            <span class="ck-sr">{t().tierFilter}</span>
            <select
              aria-label={t().tierFilter}
              value={tier()}
              onChange={(e) => setTier(e.currentTarget.value)}
            >
              <option value="">{t().allTiers}</option>
              <For each={tiers()}>
                {(option) => (
                  <option value={option.id} selected={tier() === option.id}>
                    {localized(option.name)}
                  </option>
                )}
              </For>
            </select>
          </label>
        }
        empty={tier() ? t().emptyFiltered : t().emptyMembers}
        head={
          <>
            <th>{t().name}</th>
            <th>{t().contact}</th>
            <th>{t().tier}</th>
            <th class="ck-num">{t().growth}</th>
            <th class="ck-num">{t().points}</th>
            <th class="ck-num">{t().balance}</th>
          </>
        }
        row={(member) => (
          <>
            <td>
              <a href={p.href([member.customerId])} onClick={open(member.customerId)}>
                {member.name || member.email || member.phone}
              </a>
            </td>
            <td class="ck-muted">{[member.email, member.phone].filter(Boolean).join(' · ')}</td>
            <td>
              <span class="ck-badge">{localized(member.tierName)}</span>
            </td>
            <td class="ck-num">{member.growth}</td>
            <td class="ck-num">{member.points}</td>
            <td class="ck-num">{formatMoney(member.balance, currency())}</td>
          </>
        )}
      />
    </div>
  )
}
