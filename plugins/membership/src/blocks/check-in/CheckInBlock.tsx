import { createSignal, Show } from 'solid-js'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import type { CheckInProps } from '../../block-manifests.ts'
import {
  announceChange,
  membershipApi,
  refusal,
  type CheckInCalendar as Calendar,
  type CheckInResult,
} from '../shared/api.ts'
import { BlockStates } from '../shared/BlockStates.tsx'
import { memberText } from '../shared/messages.ts'
import { createPersonal } from '../shared/personal.ts'
import { createProgram } from '../shared/program.ts'
import { CheckInCalendar } from './CheckInCalendar.tsx'
import { ApiError } from '../../../../../tenant-ui/src/shared/api.ts'
import { Said, type Saying } from '../shared/Said.tsx'
import '../shared/membership.css'

/**
 * Daily check-in: the month's calendar with the streak, one tap to check in today ("today" is the
 * mall's, as the server says), and make-ups of missed days while the mall allows them. The
 * mall's rules (points a day, the streak bonus, make-ups and their cost) show below, to guests too.
 */
export default function CheckInBlock(p: { props: CheckInProps }) {
  const store = useStorefront()
  const t = inLocale(memberText, store.locale)
  const calendar = createPersonal(store.base, () =>
    membershipApi<Calendar>(store.base, '/check-in'),
  )
  const [busy, setBusy] = createSignal(false)
  const [said, setSaid] = createSignal<Saying>()
  const [chosen, setChosen] = createSignal<string | null>(null)
  const title = () => p.props.title || t.checkInTitle
  // The rules are the mall's, the same for everyone: shown to guests too, once loaded.
  const rules = createProgram(store.base)
  const makeUpCost = () => rules.ready()?.checkIn.makeUp.cost

  const refresh = async () => {
    const next = await membershipApi<Calendar>(store.base, '/check-in').catch(() => undefined)
    if (next) calendar.set(next)
  }
  const act = async (path: string, body: unknown, done: (r: CheckInResult) => string) => {
    setBusy(true)
    setSaid(undefined)
    try {
      const result = await membershipApi<CheckInResult>(store.base, path, {
        method: 'POST',
        ...(body === undefined ? {} : { body }),
      })
      setSaid({ text: done(result) })
      announceChange()
      setChosen(null)
    } catch (error) {
      const code = refusal(error)
      const why =
        code === 'already_checked_in'
          ? t.alreadyCheckedIn
          : code === 'insufficient_points'
            ? t.makeUpRefused(t.insufficientPoints)
            : code === 'make_up_refused' && error instanceof ApiError
              ? t.makeUpRefused(error.fieldMessage('body.day') ?? error.message)
              : t.failed
      setSaid({ text: why, error: true })
      setChosen(null)
    } finally {
      await refresh()
      setBusy(false)
    }
  }
  const checkIn = () => act('/check-in', undefined, (r) => t.earned(r.points, r.bonus))
  const makeUp = (day: string) =>
    act('/check-in/make-up', { day }, (r) => t.madeUp(r.day, r.points))

  return (
    <section class="mk-member mk-member--check-in" aria-label={title()}>
      <h2 class="mk-member__title">{title()}</h2>
      <BlockStates
        value={calendar.value()}
        base={store.base}
        t={t}
        guest={t.loginToCheckIn}
        onRetry={() => void calendar.reload()}
      >
        {(cal) => (
          <div class="mk-member__panel">
            <div class="mk-member__row">
              <strong class="mk-member__streak">{t.streak(cal().streak)}</strong>
              <button
                type="button"
                class="mk-member__button"
                disabled={cal().checkedInToday || busy()}
                aria-busy={busy() ? 'true' : undefined}
                onClick={() => void checkIn()}
              >
                {cal().checkedInToday ? t.checkedIn : busy() ? t.checkingIn : t.checkIn}
              </button>
            </div>
            <Said said={said()} />
            <CheckInCalendar
              calendar={cal()}
              t={t}
              canMakeUp={p.props.showMakeUp && cal().makeUpsLeft > 0}
              chosen={chosen()}
              onChoose={(day) => setChosen(day)}
            />
            <Show when={p.props.showMakeUp && cal().makeUpsLeft > 0}>
              <p class="mk-member__hint">
                {makeUpCost() === undefined
                  ? t.makeUpsLeft(cal().makeUpsLeft)
                  : t.makeUpsLeftCost(cal().makeUpsLeft, makeUpCost()!)}
              </p>
            </Show>
            <Show when={chosen()} keyed>
              {(day) => (
                <div class="mk-member__confirm" role="alertdialog" aria-label={t.makeUp(day)}>
                  <span>
                    {makeUpCost() === undefined
                      ? t.makeUpAsk(day)
                      : t.makeUpAskCost(day, makeUpCost()!)}
                  </span>
                  <button
                    type="button"
                    class="mk-member__button"
                    disabled={busy()}
                    onClick={() => void makeUp(day)}
                  >
                    {t.confirm}
                  </button>
                  <button type="button" class="mk-member__link" onClick={() => setChosen(null)}>
                    {t.cancel}
                  </button>
                </div>
              )}
            </Show>
          </div>
        )}
      </BlockStates>
      <Show when={rules.ready()?.checkIn} keyed>
        {(rule) => (
          <ul class="mk-member__rules">
            <li>{t.checkInRule(rule.points, rule.streakDays, rule.streakBonus)}</li>
            <Show when={p.props.showMakeUp && rule.makeUp.perMonth > 0}>
              <li>
                {t.makeUpRule(rule.makeUp.perMonth, rule.makeUp.withinDays, rule.makeUp.cost)}
              </li>
            </Show>
          </ul>
        )}
      </Show>
    </section>
  )
}
