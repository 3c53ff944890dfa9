import type { Context } from 'hono'
import { mediaBase } from '../storage/media-url.ts'
import type { Storage } from '../storage/storage.ts'
import type { ViewOptions } from './product-read.ts'

/** How this request shows media URLs and money: its mall's host prefix and currency. */
export function viewOptions(c: Context, storage: Storage): ViewOptions {
  return { storage, base: mediaBase(c), currency: c.var.tenant.currency }
}
