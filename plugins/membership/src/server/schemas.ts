import { z } from '@hono/zod-openapi'

/**
 * The plugin's part of the checkout body, `selections.membership`: points to redeem and stored
 * value (minor units) to pay with. Absent means none: nothing is spent without the buyer asking.
 */
export const MembershipSelection = z
  .object({
    points: z.number().int().min(1).max(100_000_000).optional(),
    storedValue: z.number().int().min(1).max(100_000_000).optional(),
  })
  .openapi('MembershipSelection')
export type MembershipSelection = z.infer<typeof MembershipSelection>

/** A calendar day, `YYYY-MM-DD`. */
export const Day = z.iso.date()

/** The OpenAPI tags of the plugin's routes. */
export const tags = ['membership']

/** A route's refusal, for the OpenAPI document: the problem's `code` says which rule refused. */
export const refused = { 409: { description: 'Refused: the problem `code` says why' } }
