import { z } from '@hono/zod-openapi'

const text = (max: number) => z.string().trim().max(max)

/**
 * A delivery address as the customer types it: Chinese format (province / city / district /
 * detail) when the country is CN, international (country, lines, postal code) otherwise.
 */
export const AddressInput = z
  .object({
    recipient: text(50).min(1),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{4,19}$/, '5 to 20 digits, optionally with a leading +'),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as CN or US')
      .default('CN'),
    province: text(50).default(''),
    city: text(50).default(''),
    district: text(50).default(''),
    line1: text(200).min(1),
    line2: text(200).default(''),
    postalCode: text(20).default(''),
    isDefault: z.boolean().default(false),
  })
  .superRefine((address, ctx) => {
    if (address.country !== 'CN') return
    for (const field of ['province', 'city', 'district'] as const)
      if (!address[field])
        ctx.addIssue({ code: 'custom', path: [field], message: 'required for addresses in China' })
  })
  .openapi('AddressInput')
export type AddressInput = z.infer<typeof AddressInput>

/** An address of the customer's address book. */
export const AddressSchema = z
  .object({
    id: z.uuid(),
    recipient: z.string(),
    phone: z.string(),
    country: z.string(),
    province: z.string(),
    city: z.string(),
    district: z.string(),
    line1: z.string(),
    line2: z.string(),
    postalCode: z.string(),
    isDefault: z.boolean(),
  })
  .openapi('Address')
export type Address = z.infer<typeof AddressSchema>

/** The API shape of a `core__address` row (also the address snapshot stored on orders). */
export function toAddress(row: {
  id: string
  recipient: string
  phone: string
  country: string
  province: string
  city: string
  district: string
  line1: string
  line2: string
  postal_code: string
  is_default: boolean
}): Address {
  return {
    id: row.id,
    recipient: row.recipient,
    phone: row.phone,
    country: row.country,
    province: row.province,
    city: row.city,
    district: row.district,
    line1: row.line1,
    line2: row.line2,
    postalCode: row.postal_code,
    isDefault: row.is_default,
  }
}

/** The region shipping rules match: the province in China, the country code elsewhere. */
export function shippingRegion(address: { country: string; province: string }): string {
  return address.country === 'CN' ? address.province : address.country
}
