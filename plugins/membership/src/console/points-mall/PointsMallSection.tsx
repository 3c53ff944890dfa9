import { createResource, createSignal, Show } from 'solid-js'
import { ConfirmButton } from '../../../../../builder/src/kit/ConfirmButton.tsx'
import { ListView } from '../../../../../builder/src/kit/ListView.tsx'
import { problemMessages } from '../../../../../builder/src/kit/problems.ts'
import type { SectionProps } from '../../../../../builder/src/sections/section.ts'
import {
  deleteItem,
  editItem,
  listCoupons,
  listItems,
  MANAGE_POINTS_MALL,
  type MallItem,
} from './client.ts'
import { ItemForm } from './ItemForm.tsx'
import { mallText } from './strings.ts'
import { EditorHead, ItemEditor, type Notice } from '../editor-parts.tsx'
import '../membership-console.css'

/**
 * The points mall: the coupons customers exchange points for, searchable and paged, with their
 * price, stock and exchanges. Staff holding `membership:points-mall.manage` add and edit items,
 * take them off offer (confirmed) or back on, and delete them (confirmed).
 */
export default function PointsMallSection(p: SectionProps) {
  const t = () => mallText()
  const [status, setStatus] = createSignal('')
  const [editing, setEditing] = createSignal<MallItem | 'new'>()
  const [notice, setNotice] = createSignal<Notice>()
  const [coupons] = createResource(() => p.slug, listCoupons)
  const manage = () => p.permissions.has(MANAGE_POINTS_MALL)
  let reload = () => {}

  const couponName = (id: string) =>
    coupons()?.find((c) => c.id === id)?.name ?? (coupons.loading ? '…' : t().unknownCoupon)
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      setNotice({ text: done, ok: true })
      reload()
    } catch (error) {
      setNotice({ text: problemMessages(error).message, ok: false })
    }
  }

  return (
    <div class="mk-membership">
      <EditorHead intro={t().intro} noManage={t().noManage} manage={manage()} notice={notice()} />
      <ItemEditor
        editing={editing()}
        manage={manage()}
        newLabel={t().newItem}
        onNew={() => {
          setNotice(undefined)
          setEditing('new')
        }}
      >
        {(current) => (
          <ItemForm
            slug={p.slug}
            editing={current}
            onSaved={() => {
              setEditing(undefined)
              setNotice({ text: t().saved, ok: true })
              reload()
            }}
            onCancel={() => setEditing(undefined)}
          />
        )}
      </ItemEditor>
      <ListView<MallItem>
        load={(query) => listItems(p.slug, query)}
        filters={{ active: status() || undefined }}
        searchLabel={t().search}
        ref={(controls) => (reload = controls.reload)}
        toolbar={
          <label class="mk-membership-filter">
            <span class="ck-sr">{t().statusFilter}</span>
            <select
              aria-label={t().statusFilter}
              value={status()}
              onChange={(e) => setStatus(e.currentTarget.value)}
            >
              <option value="">{t().all}</option>
              <option value="true">{t().onSale}</option>
              <option value="false">{t().offSale}</option>
            </select>
          </label>
        }
        empty={status() ? t().emptyFiltered : t().empty}
        head={
          <>
            <th>{t().name}</th>
            <th>{t().coupon}</th>
            <th class="ck-num">{t().points}</th>
            <th class="ck-num">{t().exchanged}</th>
            <th class="ck-num">{t().stock}</th>
            <th class="ck-num">{t().limit}</th>
            <th>{t().status}</th>
            <Show when={manage()}>
              <th>
                <span class="ck-sr">{t().actions}</span>
              </th>
            </Show>
          </>
        }
        row={(item) => (
          <>
            <td>{item.name}</td>
            <td class="ck-muted">{couponName(item.couponTemplateId)}</td>
            <td class="ck-num">{item.points}</td>
            <td class="ck-num">{item.exchanged}</td>
            <td class="ck-num">{item.stock ?? t().unlimited}</td>
            <td class="ck-num">{item.perCustomerLimit}</td>
            <td>
              <span class="ck-badge">{item.active ? t().onSale : t().offSale}</span>
            </td>
            <Show when={manage()}>
              <td class="mk-membership-actions">
                <button
                  type="button"
                  class="ck-btn"
                  onClick={() => {
                    setNotice(undefined)
                    setEditing(item)
                  }}
                >
                  {t().edit}
                </button>
                <Show
                  when={item.active}
                  fallback={
                    <button
                      type="button"
                      class="ck-btn"
                      onClick={() =>
                        void act(() => editItem(p.slug, item.id, { active: true }), t().saved)
                      }
                    >
                      {t().activate}
                    </button>
                  }
                >
                  <ConfirmButton
                    question={t().confirmDeactivate(item.name)}
                    onConfirm={() =>
                      act(() => editItem(p.slug, item.id, { active: false }), t().saved)
                    }
                  >
                    {t().deactivate}
                  </ConfirmButton>
                </Show>
                <ConfirmButton
                  danger
                  question={t().confirmDelete(item.name)}
                  onConfirm={() => act(() => deleteItem(p.slug, item.id), t().deleted)}
                >
                  {t().remove}
                </ConfirmButton>
              </td>
            </Show>
          </>
        )}
      />
    </div>
  )
}
