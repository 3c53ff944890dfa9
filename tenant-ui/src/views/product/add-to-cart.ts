import { setCartFrom } from '../../app/session.ts'
import { ApiError, storeApi } from '../../shared/api.ts'

/** Why an add to cart failed, as the page explains it. */
export type AddFailure = 'out-of-stock' | 'not-on-sale' | 'too-many' | 'failed'

/**
 * Adds `quantity` of a SKU to the shopper's cart (a guest cart is created by cookie) and updates
 * the cart badge from the cart the API answers with. Resolves to the failure, if any.
 */
export async function addToCart(
  base: string,
  skuId: string,
  quantity: number,
): Promise<AddFailure | null> {
  try {
    const cart = await storeApi<{ lines: { quantity: number }[] }>(base, '/cart/items', {
      method: 'POST',
      body: { skuId, quantity },
    })
    setCartFrom(cart)
    return null
  } catch (error) {
    if (!(error instanceof ApiError)) return 'failed'
    if (error.fieldMessage('body.skuId')) return 'not-on-sale'
    if (error.status === 409 && error.fieldMessage('body.quantity')) return 'out-of-stock'
    if (error.status === 422 && error.fieldMessage('body.quantity')) return 'too-many'
    return 'failed'
  }
}
