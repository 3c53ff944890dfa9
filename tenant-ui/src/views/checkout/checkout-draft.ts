import type { AddressInput } from '../../app/ui/account-types.ts'

/** What the checkout form holds, kept per tab in sessionStorage until the order is placed. */
export interface CheckoutDraft {
  /** The Idempotency-Key of this checkout attempt: a retry or a second tap reuses it. */
  key: string
  method: 'delivery' | 'pickup'
  addressId?: string | undefined
  pickupPointId?: string | undefined
  provider?: string | undefined
  note: string
  /**
   * What the customer chose in each plugin's checkout section, by plugin id (a coupon, points to
   * use…); a plugin without an entry decides for them (the best coupon).
   */
  selections: Record<string, unknown>
  /** The address being added or edited inline (`new` or an address id), and what was typed. */
  editing?: string | undefined
  addressDraft?: AddressInput | undefined
}

/** What is bought: the cart, or one SKU ("buy now"). */
export type CheckoutItems = { skuId: string; quantity: number }[] | undefined

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The items of `?sku=<id>&qty=<n>` (quantity 1 to 999, 1 when missing), undefined for the cart,
 * or null when the link is malformed.
 */
export function buyNowItems(query: Record<string, string>): CheckoutItems | null {
  if (query.sku === undefined) return undefined
  if (!UUID.test(query.sku)) return null
  const quantity = query.qty === undefined ? 1 : Number(query.qty)
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999) return null
  return [{ skuId: query.sku.toLowerCase(), quantity }]
}

/** The storage key of a draft: one per mall and per thing bought. */
export function draftKey(mall: string, items: CheckoutItems): string {
  const what = items ? items.map((i) => `${i.skuId}x${i.quantity}`).join(',') : 'cart'
  return `mk:checkout:${mall}:${what}`
}

/** The saved draft, or undefined when there is none (or storage is unavailable). */
export function readDraft(key: string): CheckoutDraft | undefined {
  try {
    const raw = sessionStorage.getItem(key)
    const parsed = raw ? (JSON.parse(raw) as Partial<CheckoutDraft>) : undefined
    return parsed && typeof parsed.key === 'string' && parsed.key.length > 0
      ? {
          note: '',
          method: 'delivery',
          ...parsed,
          key: parsed.key,
          selections: isRecord(parsed.selections) ? parsed.selections : {},
        }
      : undefined
  } catch {
    return undefined
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Saves the draft; a full or blocked storage only loses the convenience. */
export function writeDraft(key: string, draft: CheckoutDraft): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(draft))
  } catch {
    // Private mode or a full storage: the form still works, a refresh just starts over.
  }
}

/** Forgets the draft once its order is placed, so the next checkout is a new attempt. */
export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key)
  } catch {
    // Nothing was stored.
  }
}
