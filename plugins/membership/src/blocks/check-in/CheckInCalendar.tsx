import { For, Show } from 'solid-js'
import type { CheckInCalendar as Calendar } from '../shared/api.ts'
import type { MemberText } from '../shared/messages.ts'
import { dayState, monthGrid } from './month-grid.ts'

/**
 * The month's calendar: checked-in and made-up days marked, today ringed; a missed day is a
 * button (to make it up) while `canMakeUp`.
 */
export function CheckInCalendar(p: {
  calendar: Calendar
  t: MemberText
  canMakeUp: boolean
  chosen: string | null
  onChoose: (day: string) => void
}) {
  const checked = () => new Map(p.calendar.days.map((d) => [d.day, d]))
  const [year, month] = p.calendar.month.split('-') as [string, string]
  const label = (day: string) => {
    const state = dayState(day, p.calendar.today, checked())
    const words = {
      checked: p.t.dayChecked,
      'made-up': p.t.dayMadeUp,
      today: p.t.dayToday,
      missed: p.t.dayMissed,
      future: '',
    }
    return `${day}${words[state] ? `, ${words[state]}` : ''}`
  }
  return (
    <table class="mk-member__calendar">
      <caption>{p.t.monthLabel(year, month)}</caption>
      <thead>
        <tr>
          <For each={p.t.weekdays}>{(w) => <th scope="col">{w}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={monthGrid(p.calendar.month)}>
          {(week) => (
            <tr>
              <For each={week}>
                {(day) => (
                  <td>
                    <Show when={day}>
                      {(d) => {
                        const state = () => dayState(d(), p.calendar.today, checked())
                        const number = Number(d().slice(8))
                        return (
                          <Show
                            when={state() === 'missed' && p.canMakeUp}
                            fallback={
                              <span
                                class={`mk-member__day mk-member__day--${state()}`}
                                aria-label={label(d())}
                                aria-current={state() === 'today' ? 'date' : undefined}
                                data-day={d()}
                              >
                                {number}
                              </span>
                            }
                          >
                            <button
                              type="button"
                              class="mk-member__day mk-member__day--missed"
                              aria-label={`${label(d())}: ${p.t.makeUp(d())}`}
                              aria-pressed={p.chosen === d()}
                              data-day={d()}
                              onClick={() => p.onChoose(d())}
                            >
                              {number}
                            </button>
                          </Show>
                        )
                      }}
                    </Show>
                  </td>
                )}
              </For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  )
}
