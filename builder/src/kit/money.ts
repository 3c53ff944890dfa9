import { locale } from '../app/i18n.ts'

/** `minor` units of `currency` as the console's locale writes them (¥1,234.50). */
export function formatMoney(minor: number, currency = 'CNY'): string {
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency,
    // "¥20.00" in both languages, not "CN¥20.00".
    currencyDisplay: 'narrowSymbol',
  }).format(minor / 100)
}

/**
 * What a merchant typed as an amount ("12", "12.5", "1,299.00") in minor units, or null when it
 * is not an amount with at most two decimals. Never goes through a float sum.
 */
export function parseMoney(typed: string): number | null {
  const match = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(typed.replaceAll(',', ''))
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Minor units as an editable amount ("12.50"). */
export const moneyInput = (minor: number): string =>
  `${Math.trunc(minor / 100)}.${String(Math.abs(minor % 100)).padStart(2, '0')}`
