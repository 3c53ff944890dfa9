import { formatPrice } from '../../shared/format.ts'
import { messages } from '../../shared/i18n.ts'

/** The cart page's strings. */
export const cartText = messages({
  'zh-CN': {
    title: '购物车',
    emptyTitle: '购物车还是空的',
    emptyText: '去逛逛，把喜欢的商品加进来吧。',
    goShopping: '去逛逛',
    decrease: (name: string) => `减少 ${name} 的数量`,
    increase: (name: string) => `增加 ${name} 的数量`,
    quantityOf: (name: string) => `${name} 的数量`,
    remove: '删除',
    removeTitle: '删除这件商品？',
    removeText: (name: string) => `将从购物车中删除「${name}」。`,
    unavailable: '该商品已下架或暂不可售，请删除后结算。',
    insufficient: (stock: number) =>
      stock > 0 ? `库存仅剩 ${stock} 件，请减少数量。` : '该商品已售罄，请删除后结算。',
    priceChange: (from: number, to: number) =>
      `价格已从 ${formatPrice(from)} 变为 ${formatPrice(to)}。`,
    merged: '已把你登录前加入的商品合并到购物车。',
    onlyInStock: (stock: number) => `库存仅剩 ${stock} 件。`,
    fixProblems: '请先处理标出问题的商品。',
    checkout: '去结算',
    updated: (name: string, n: number) => `${name} 的数量已改为 ${n}`,
    removed: (name: string) => `已删除 ${name}`,
    maxReached: '已达库存上限',
  },
  en: {
    title: 'Cart',
    emptyTitle: 'Your cart is empty',
    emptyText: 'Have a look around and add what you like.',
    goShopping: 'Start shopping',
    decrease: (name: string) => `Fewer of ${name}`,
    increase: (name: string) => `More of ${name}`,
    quantityOf: (name: string) => `Quantity of ${name}`,
    remove: 'Remove',
    removeTitle: 'Remove this item?',
    removeText: (name: string) => `“${name}” will be removed from your cart.`,
    unavailable: 'This item is no longer on sale. Remove it to check out.',
    insufficient: (stock: number) =>
      stock > 0
        ? `Only ${stock} left in stock. Lower the quantity.`
        : 'Sold out. Remove it to check out.',
    priceChange: (from: number, to: number) =>
      `The price changed from ${formatPrice(from)} to ${formatPrice(to)}.`,
    merged: 'Items you added before logging in are now in your cart.',
    onlyInStock: (stock: number) => `Only ${stock} in stock.`,
    fixProblems: 'Please sort out the marked items first.',
    checkout: 'Check out',
    updated: (name: string, n: number) => `${name}: quantity ${n}`,
    removed: (name: string) => `${name} removed`,
    maxReached: 'No more in stock',
  },
})
