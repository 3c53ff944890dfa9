import type { MallItemBody } from './client.ts'

/** What the item form holds: text as typed. */
export interface ItemFields {
  name: string
  couponTemplateId: string
  points: string
  stock: string
  perCustomerLimit: string
  position: string
  active: boolean
}

/** Which message each invalid field gets (keys of the screen's strings). */
export type ItemProblems = Partial<
  Record<'name' | 'couponTemplateId' | 'points' | 'stock' | 'perCustomerLimit', string>
>

const whole = (text: string) => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null)

/**
 * Reads the form into the API's body, or the fields the browser can already tell are wrong (the
 * API checks again and names what it refuses).
 */
export function readItem(
  fields: ItemFields,
  t: {
    [
      K in 'nameInvalid' | 'couponInvalid' | 'pointsInvalid' | 'stockInvalid' | 'limitInvalid'
    ]: string
  },
): { body: MallItemBody } | { problems: ItemProblems } {
  const problems: ItemProblems = {}
  const points = whole(fields.points)
  const stock = fields.stock.trim() === '' ? null : whole(fields.stock)
  const limit = whole(fields.perCustomerLimit)
  if (!fields.name.trim()) problems.name = t.nameInvalid
  if (!fields.couponTemplateId) problems.couponTemplateId = t.couponInvalid
  if (points === null || points < 1) problems.points = t.pointsInvalid
  if (fields.stock.trim() !== '' && stock === null) problems.stock = t.stockInvalid
  if (limit === null || limit < 1) problems.perCustomerLimit = t.limitInvalid
  if (Object.keys(problems).length > 0) return { problems }
  return {
    body: {
      name: fields.name.trim(),
      couponTemplateId: fields.couponTemplateId,
      points: points!,
      stock,
      perCustomerLimit: limit!,
      position: whole(fields.position) ?? 0,
      active: fields.active,
    },
  }
}
