import { createResource, createSignal, For, Show } from 'solid-js'
import { mallAccess } from '../../../../../builder/src/app/mall-access.ts'
import { ConfirmButton } from '../../../../../builder/src/kit/ConfirmButton.tsx'
import { formatMoney } from '../../../../../builder/src/kit/money.ts'
import { problemMessages } from '../../../../../builder/src/kit/problems.ts'
import type { SectionProps } from '../../../../../builder/src/sections/section.ts'
import { editPackage, listPackages, MANAGE_TOP_UPS, type Package } from '../client.ts'
import { text } from '../strings.ts'
import { PackageForm } from './PackageForm.tsx'
import { PendingTopUps } from './PendingTopUps.tsx'
import { skuText } from './SkuField.tsx'
import { EditorHead, ItemEditor, type Notice } from '../editor-parts.tsx'
import '../membership-console.css'

/**
 * Top-up packages: every package with its status; staff with `membership:top-ups.manage` create,
 * edit and take packages off sale (confirmed) or back on.
 */
export default function PackagesSection(p: SectionProps) {
  const t = () => text()
  const [packages, { refetch }] = createResource(
    () => p.slug,
    (slug) => listPackages(slug).then((r) => r.items),
  )
  const [editing, setEditing] = createSignal<Package | 'new'>()
  const [notice, setNotice] = createSignal<Notice>()
  const manage = () => p.permissions.has(MANAGE_TOP_UPS)
  const currency = () => mallAccess(p.slug)()?.mall.currency ?? 'CNY'
  const money = (n: number) => formatMoney(n, currency())

  const toggle = async (pack: Package) => {
    try {
      await editPackage(p.slug, pack.id, { active: !pack.active })
      setNotice({ text: t().saved, ok: true })
      await refetch()
    } catch (error) {
      setNotice({ text: problemMessages(error).message, ok: false })
    }
  }

  return (
    <div class="mk-membership">
      <EditorHead
        intro={t().packagesIntro}
        noManage={t().noManage}
        manage={manage()}
        notice={notice()}
      />
      <ItemEditor
        editing={editing()}
        manage={manage()}
        newLabel={t().newPackage}
        onNew={() => {
          setNotice(undefined)
          setEditing('new')
        }}
      >
        {(current) => (
          <PackageForm
            slug={p.slug}
            currency={currency()}
            editing={current}
            onSaved={() => {
              setEditing(undefined)
              setNotice({ text: t().saved, ok: true })
              void refetch()
            }}
            onCancel={() => setEditing(undefined)}
          />
        )}
      </ItemEditor>
      <Show when={packages.error}>
        <p class="ck-error" role="alert">
          {t().loadFailed}
          <button type="button" class="ck-btn" onClick={() => void refetch()}>
            {t().retry}
          </button>
        </p>
      </Show>
      <Show when={packages()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<div class="ck-empty">{t().emptyPackages}</div>}>
            <table class="ck-table">
              <thead>
                <tr>
                  <th>{t().packageName}</th>
                  <th class="ck-num">{t().pay}</th>
                  <th class="ck-num">{t().bonus}</th>
                  <th class="ck-num">{t().position}</th>
                  <th>{skuText().sku}</th>
                  <th>{t().status}</th>
                  <Show when={manage()}>
                    <th>
                      <span class="ck-sr">{t().edit}</span>
                    </th>
                  </Show>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(pack) => (
                    <tr>
                      <td>{pack.name}</td>
                      <td class="ck-num">{money(pack.amount)}</td>
                      <td class="ck-num">{money(pack.bonus)}</td>
                      <td class="ck-num">{pack.position}</td>
                      <td>{pack.skuId ? skuText().skuOf(pack.skuId) : skuText().offline}</td>
                      <td>
                        <span class="ck-badge">{pack.active ? t().onSale : t().offSale}</span>
                      </td>
                      <Show when={manage()}>
                        <td class="mk-membership-actions">
                          <button type="button" class="ck-btn" onClick={() => setEditing(pack)}>
                            {t().edit}
                          </button>
                          <Show
                            when={pack.active}
                            fallback={
                              <button
                                type="button"
                                class="ck-btn"
                                onClick={() => void toggle(pack)}
                              >
                                {t().activate}
                              </button>
                            }
                          >
                            <ConfirmButton
                              danger
                              question={t().confirmDeactivate(pack.name)}
                              onConfirm={() => toggle(pack)}
                            >
                              {t().deactivate}
                            </ConfirmButton>
                          </Show>
                        </td>
                      </Show>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
      <Show when={manage()}>
        <PendingTopUps slug={p.slug} money={money} />
      </Show>
    </div>
  )
}
