import { Match, Switch } from 'solid-js'
import type { SectionProps } from '../../../../builder/src/sections/section.ts'
import { MANAGE } from './client.ts'
import { CouponList } from './CouponList.tsx'
import { CouponDetail } from './detail/CouponDetail.tsx'
import { setFlash } from './flash.ts'
import { CouponForm } from './form/CouponForm.tsx'
import { text } from './strings.ts'
import './coupons-console.css'

/**
 * The coupons section: the list (`/coupons`), a new coupon (`/coupons/new`), one coupon with its
 * report and issuing (`/coupons/{id}`) and its editor (`/coupons/{id}/edit`).
 */
export default function CouponsSection(p: SectionProps) {
  return (
    <Switch fallback={<CouponList {...p} />}>
      <Match when={p.path[0] === 'new' && p.permissions.has(MANAGE)}>
        <div class="mk-coupons">
          <CouponForm
            slug={p.slug}
            onSaved={(saved) => {
              setFlash(text().savedDraft)
              p.go([saved.id])
            }}
            onCancel={() => p.go([])}
          />
        </div>
      </Match>
      <Match when={p.path[0] !== undefined && p.path[0] !== 'new' && p.path[0]}>
        {(id) => <CouponDetail {...p} id={id()} edit={p.path[1] === 'edit'} />}
      </Match>
    </Switch>
  )
}
