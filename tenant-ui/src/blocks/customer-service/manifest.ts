import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { MallLink } from '../../shared/mall-link.ts'
import { z } from 'zod'

/** How shoppers reach the mall: a phone call or a link (a chat page, a form). */
export const ServiceContact = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('phone'),
    phone: z.string().regex(/^\+?\d[\d -]{1,18}\d$/, 'a phone number like 400-123-4567'),
  }),
  z.object({ kind: z.literal('link'), url: MallLink }),
])
export type ServiceContact = z.infer<typeof ServiceContact>

export const CustomerServiceProps = z.object({
  /** Nothing shows until it is set. */
  contact: ServiceContact.optional(),
  label: LocalizedText.default({ 'zh-CN': '联系客服', en: 'Customer service' }),
  side: z.enum(['right', 'left']).default('right'),
})
export type CustomerServiceProps = z.infer<typeof CustomerServiceProps>

/** A floating button that calls the mall or opens its service link. */
export const customerServiceManifest: BlockManifest = {
  label: { 'zh-CN': '悬浮客服', en: 'Customer service button' },
  icon: 'lucide:headset',
  category: 'basic',
  props: CustomerServiceProps,
  inspector: {
    contact: {
      widget: 'contact',
      help: { 'zh-CN': '电话或链接', en: 'A phone number or a link' },
    },
    label: { widget: 'localized-text' },
    side: { widget: 'segmented' },
  },
  placement: { allowIn: ['root'], maxPerPage: 1 },
}
