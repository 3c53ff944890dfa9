import { locale } from '../../../../builder/src/app/i18n.ts'
import { formatMoney } from '../../../../builder/src/kit/money.ts'
import type { TemplateView } from './client.ts'
import { text } from './strings.ts'

/** Whole amounts without the cents (¥20), others with them (¥19.90). */
const money = (minor: number, currency: string) =>
  formatMoney(minor, currency).replace(/[.,]00$/, '')

/** What a coupon takes off, in the console's language: "¥20 off from ¥199", "满199减20". */
export function benefitSummary(benefit: TemplateView['benefit'], currency: string): string {
  const t = text()
  const m = (minor: number) => money(minor, currency)
  switch (benefit.kind) {
    case 'amount_off_threshold': {
      // Chinese coupon wording has bare figures: 满199减20.
      const figure = (minor: number) =>
        locale() === 'zh-CN' ? m(minor).replace(/^[^\d]+/, '') : m(minor)
      return t.thresholdText(figure(benefit.threshold), figure(benefit.amount))
    }
    case 'amount_off':
      return t.amountOffText(m(benefit.amount))
    case 'percent_off':
      return benefit.cap === null
        ? t.percentText(benefit.percent)
        : `${t.percentText(benefit.percent)}, ${t.capText(m(benefit.cap))}`
    case 'free_shipping':
      return benefit.cap === null
        ? t.freeShippingText
        : `${t.freeShippingText}, ${t.capText(m(benefit.cap))}`
  }
}

/** When claimed coupons can be used. */
export function validitySummary(validity: TemplateView['validity']): string {
  if (validity.kind === 'relative') return text().relativeText(validity.days)
  const day = (iso: string) => new Date(iso).toLocaleDateString()
  return text().windowText(day(validity.from), day(validity.until))
}
