import { createSignal, For } from 'solid-js'
import { ConfirmButton } from '../../../kit/ConfirmButton.tsx'
import { problemMessages } from '../../../kit/problems.ts'
import { formatTime } from '../shared/format.ts'
import { roles, staffApi, type Member } from './staff-api.ts'
import { staffText, type Role } from './staff-strings.ts'

/** A member's row: role picker applied after confirming (their sessions end), and removal. */
export function StaffRow(p: {
  slug: string
  member: Member
  onChanged: (notice: string) => void
  onFailed: (message: string) => void
}) {
  const text = staffText
  const [role, setRole] = createSignal<Role>(p.member.role)
  const [busy, setBusy] = createSignal(false)
  const who = () => p.member.name || p.member.email
  const run = async (work: () => Promise<unknown>, notice: string) => {
    setBusy(true)
    try {
      await work()
      p.onChanged(notice)
    } catch (error) {
      setRole(p.member.role)
      p.onFailed(problemMessages(error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <td>{p.member.name}</td>
      <td>{p.member.email}</td>
      <td>
        <select
          aria-label={text().newRole(who())}
          value={role()}
          disabled={busy()}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
        >
          <For each={roles}>{(r) => <option value={r}>{text().role[r]}</option>}</For>
        </select>
      </td>
      <td>{formatTime(p.member.since)}</td>
      <td class="ops-row-actions">
        <ConfirmButton
          disabled={busy() || role() === p.member.role}
          question={text().confirmRole(who(), text().role[role()])}
          confirmLabel={text().changeRole}
          onConfirm={() =>
            run(
              () => staffApi.setRole(p.slug, p.member.userId, role()),
              text().roleChanged(who(), text().role[role()]),
            )
          }
        >
          {text().changeRole}
        </ConfirmButton>
        <ConfirmButton
          danger
          disabled={busy()}
          question={text().confirmRemove(who())}
          confirmLabel={text().remove}
          onConfirm={() =>
            run(() => staffApi.remove(p.slug, p.member.userId), text().removed(who()))
          }
        >
          {text().remove}
        </ConfirmButton>
      </td>
    </>
  )
}
