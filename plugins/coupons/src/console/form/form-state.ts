import { moneyInput, parseMoney } from '../../../../../builder/src/kit/money.ts'
import type { TemplateEdit, TemplateInput, TemplateView } from '../client.ts'
import type { CouponConsoleText } from '../strings.ts'

export type BenefitKind = TemplateView['benefit']['kind']
export type ScopeKind = TemplateView['scope']['kind']
export type AudienceKind = TemplateView['audience']['kind']

/** The coupon form as typed: text for every number, so a half-typed amount survives. */
export interface CouponForm {
  name: string
  description: string
  kind: BenefitKind
  threshold: string
  amount: string
  percent: string
  cap: string
  scopeKind: ScopeKind
  categoryIds: string[]
  productIds: string[]
  excludedProductIds: string[]
  validityKind: 'window' | 'relative'
  /** `datetime-local` values, in the browser's time zone. */
  from: string
  until: string
  days: string
  totalQuantity: string
  perCustomerLimit: string
  audienceKind: AudienceKind
  segment: string
  public: boolean
  combinableWithPromotions: boolean
  /** One code per line (or separated by commas or spaces). */
  codes: string
}

/** What a template's body is made of, as the API takes it (`status` left to the caller). */
export type CouponBody = Omit<TemplateInput, 'status'>

/** A moment as a `datetime-local` input shows it, in the browser's time zone. */
export function localInput(iso: string): string {
  const at = new Date(iso)
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

/** A new coupon: 满减, whole mall, 30 days after claiming, one per customer, for everyone. */
export function emptyForm(): CouponForm {
  return {
    name: '',
    description: '',
    kind: 'amount_off_threshold',
    threshold: '',
    amount: '',
    percent: '',
    cap: '',
    scopeKind: 'all',
    categoryIds: [],
    productIds: [],
    excludedProductIds: [],
    validityKind: 'relative',
    from: '',
    until: '',
    days: '30',
    totalQuantity: '',
    perCustomerLimit: '1',
    audienceKind: 'everyone',
    segment: '',
    public: true,
    combinableWithPromotions: false,
    codes: '',
  }
}

/** The form of an existing template. */
export function formFromTemplate(t: TemplateView): CouponForm {
  const b = t.benefit
  return {
    ...emptyForm(),
    name: t.name,
    description: t.description,
    kind: b.kind,
    threshold: b.kind === 'amount_off_threshold' ? moneyInput(b.threshold) : '',
    amount:
      b.kind === 'amount_off_threshold' || b.kind === 'amount_off' ? moneyInput(b.amount) : '',
    percent: b.kind === 'percent_off' ? String(b.percent) : '',
    cap:
      (b.kind === 'percent_off' || b.kind === 'free_shipping') && b.cap !== null
        ? moneyInput(b.cap)
        : '',
    scopeKind: t.scope.kind,
    categoryIds: [...t.scope.categoryIds],
    productIds: [...t.scope.productIds],
    excludedProductIds: [...t.scope.excludedProductIds],
    validityKind: t.validity.kind,
    from: t.validity.kind === 'window' ? localInput(t.validity.from) : '',
    until: t.validity.kind === 'window' ? localInput(t.validity.until) : '',
    days: t.validity.kind === 'relative' ? String(t.validity.days) : '30',
    totalQuantity: t.totalQuantity === null ? '' : String(t.totalQuantity),
    perCustomerLimit: String(t.perCustomerLimit),
    audienceKind: t.audience.kind,
    segment: t.audience.kind === 'segment' ? t.audience.segment : '',
    public: t.public,
    combinableWithPromotions: t.combinableWithPromotions,
    codes: t.codes.join('\n'),
  }
}

/** Words of a free-text list (codes): split on lines, commas and spaces. */
export const words = (typed: string): string[] => typed.split(/[\s,，]+/).filter(Boolean)

/**
 * The API body of a filled-in form, or the fields to fix first (named as the API names them:
 * `benefit.threshold`, `validity.days`), so the checks here and the server's land in one place.
 * Only what the browser can tell is checked here (a number that is not one, a required amount);
 * the rules (the amount below the threshold, a code taken) are the server's.
 */
export function formToBody(
  form: CouponForm,
  t: CouponConsoleText,
): { body: CouponBody | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const money = (field: string, typed: string, optional = false): number | null => {
    if (typed.trim() === '') {
      if (!optional) errors[field] = t.required
      return null
    }
    const minor = parseMoney(typed)
    if (minor === null || minor < 1) errors[field] = t.notMoney
    return minor
  }
  const whole = (field: string, typed: string, min: number, max: number, optional = false) => {
    if (typed.trim() === '') {
      if (!optional) errors[field] = t.required
      return null
    }
    const n = /^\s*\d+\s*$/.test(typed) ? Number(typed) : NaN
    if (!(n >= min && n <= max)) errors[field] = t.notWhole(min, max)
    return n
  }
  const instant = (field: string, typed: string) => {
    const at = new Date(typed)
    if (typed === '' || Number.isNaN(at.getTime())) {
      errors[field] = t.notDate
      return ''
    }
    return at.toISOString()
  }

  if (form.name.trim() === '') errors.name = t.required
  let benefit: CouponBody['benefit']
  switch (form.kind) {
    case 'amount_off_threshold':
      benefit = {
        kind: form.kind,
        threshold: money('benefit.threshold', form.threshold) ?? 0,
        amount: money('benefit.amount', form.amount) ?? 0,
      }
      break
    case 'amount_off':
      benefit = { kind: form.kind, amount: money('benefit.amount', form.amount) ?? 0 }
      break
    case 'percent_off':
      benefit = {
        kind: form.kind,
        percent: whole('benefit.percent', form.percent, 1, 99) ?? 0,
        cap: money('benefit.cap', form.cap, true),
      }
      break
    case 'free_shipping':
      benefit = { kind: form.kind, cap: money('benefit.cap', form.cap, true) }
      break
  }
  const body: CouponBody = {
    name: form.name.trim(),
    description: form.description.trim(),
    benefit,
    scope: {
      kind: form.scopeKind,
      categoryIds: form.scopeKind === 'categories' ? form.categoryIds : [],
      productIds: form.scopeKind === 'products' ? form.productIds : [],
      excludedProductIds: form.excludedProductIds,
    },
    validity:
      form.validityKind === 'window'
        ? {
            kind: 'window',
            from: instant('validity.from', form.from),
            until: instant('validity.until', form.until),
          }
        : { kind: 'relative', days: whole('validity.days', form.days, 1, 3650) ?? 0 },
    totalQuantity: whole('totalQuantity', form.totalQuantity, 1, 10_000_000, true),
    perCustomerLimit: whole('perCustomerLimit', form.perCustomerLimit, 1, 100) ?? 0,
    audience:
      form.audienceKind === 'segment'
        ? { kind: 'segment', segment: form.segment.trim() }
        : { kind: form.audienceKind },
    public: form.public,
    combinableWithPromotions: form.combinableWithPromotions,
    codes: [...new Set(words(form.codes).map((code) => code.toUpperCase()))],
  }
  if (form.audienceKind === 'segment' && body.audience.kind === 'segment' && !body.audience.segment)
    errors['audience.segment'] = t.required
  return { body: Object.keys(errors).length ? null : body, errors }
}

/**
 * The edit that turns `before` into `after`: only the fields that changed. Once coupons were
 * claimed the server refuses any mention of a holder-sensitive field, changed or not.
 */
export function changedFields(before: CouponBody, after: CouponBody): TemplateEdit {
  const edit: Record<string, unknown> = {}
  for (const key of Object.keys(after) as (keyof CouponBody)[])
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) edit[key] = after[key]
  return edit as TemplateEdit
}

/** The message for `field`, or for the first of its items (`codes.2` shows on `codes`). */
export function errorOf(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field]
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`))
  return key === undefined ? undefined : errors[key]
}
