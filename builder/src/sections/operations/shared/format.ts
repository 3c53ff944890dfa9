import { locale } from '../../../app/i18n.ts'

/** An instant as the console's locale writes a date and time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
}
