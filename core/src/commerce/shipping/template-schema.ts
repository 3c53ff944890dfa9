import { z } from '@hono/zod-openapi'

const Minor = z.number().int().min(0).max(100_000_000)

/** A regional rate of a template: regions are provinces or country codes, `*` for the rest. */
export const ShippingRuleSchema = z.object({
  regions: z.array(z.string().trim().min(1).max(50)).min(1).max(100),
  first: z.number().int().min(1).max(1_000_000),
  firstFee: Minor,
  additional: z.number().int().min(0).max(1_000_000),
  additionalFee: Minor,
})

/** A shipping template as the merchant writes it. */
export const ShippingTemplateInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    basis: z.enum(['piece', 'weight']),
    rules: z.array(ShippingRuleSchema).min(1).max(50),
    freeThreshold: Minor.nullable().default(null),
    isDefault: z.boolean().default(false),
  })
  .openapi('ShippingTemplateInput')
export type ShippingTemplateInput = z.infer<typeof ShippingTemplateInput>

/** A stored shipping template. */
export const ShippingTemplateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    basis: z.enum(['piece', 'weight']),
    rules: z.array(ShippingRuleSchema),
    freeThreshold: z.number().int().nullable(),
    isDefault: z.boolean(),
  })
  .openapi('ShippingTemplate')

/** A pickup point as the merchant writes it. */
export const PickupPointInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    address: z.string().trim().min(1).max(300),
    hours: z.string().trim().max(100).default(''),
    active: z.boolean().default(true),
  })
  .openapi('PickupPointInput')
export type PickupPointInput = z.infer<typeof PickupPointInput>

/** A stored pickup point (store pickup costs no shipping). */
export const PickupPointSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    hours: z.string(),
    active: z.boolean(),
  })
  .openapi('PickupPoint')

/** API shape of a `core__shipping_template` row. */
export function toShippingTemplate(row: {
  id: string
  name: string
  basis: 'piece' | 'weight'
  rules: z.infer<typeof ShippingRuleSchema>[]
  free_threshold: number | null
  is_default: boolean
}) {
  return {
    id: row.id,
    name: row.name,
    basis: row.basis,
    rules: row.rules,
    freeThreshold: row.free_threshold === null ? null : Number(row.free_threshold),
    isDefault: row.is_default,
  }
}
