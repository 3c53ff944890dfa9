import { createContext, useContext } from 'solid-js'
import type { StorefrontState } from '../shared/state.ts'

/** The page-wide facts views and blocks read: locale, the mall's URL prefix, the mall. */
export type StorefrontInfo = Pick<StorefrontState, 'locale' | 'defaultLocale' | 'base' | 'mall'>

export const StorefrontContext = createContext<StorefrontInfo>({
  locale: 'zh-CN',
  defaultLocale: 'zh-CN',
  base: '',
  mall: { name: '', slug: '', currency: 'CNY' },
})

/** The page-wide facts of the storefront being rendered. */
export function useStorefront(): StorefrontInfo {
  return useContext(StorefrontContext)
}
