import { z } from 'zod'

/**
 * A link or image on a block: a mall path (`/promo`, one leading slash) or an https URL. Anything
 * else (`javascript:`, `data:`, `//host`, `/\host`, plain http) is refused, so a page can never
 * carry a script URL or mixed content.
 */
export const MallLink = z
  .string()
  .max(500)
  .regex(/^(?:\/(?![/\\])|https:\/\/[^/\\\s])[^\s\\]*$/, 'a path like /promo or an https URL')
