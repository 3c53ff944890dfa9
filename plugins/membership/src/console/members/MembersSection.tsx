import { Show } from 'solid-js'
import type { SectionProps } from '../../../../../builder/src/sections/section.ts'
import { MemberDetail } from './MemberDetail.tsx'
import { MemberList } from './MemberList.tsx'
import '../membership-console.css'

/** The members section: the list (`/membership`) and one member (`/membership/{customerId}`). */
export default function MembersSection(p: SectionProps) {
  return (
    <Show when={p.path[0]} keyed fallback={<MemberList {...p} />}>
      {(id) => <MemberDetail {...p} customerId={id} />}
    </Show>
  )
}
