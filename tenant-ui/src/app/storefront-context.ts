import { createContext, useContext } from 'solid-js'
import type { StorefrontState } from '../shared/state.ts'

/** The page-wide facts blocks read: locale, the mall's URL prefix, the mall's name. */
export type StorefrontInfo = Pick<StorefrontState, 'locale' | 'base' | 'mall'>

export const StorefrontContext = createContext<StorefrontInfo>({
  locale: 'zh-CN',
  base: '',
  mall: { name: '', slug: '' },
})

/** The page-wide facts of the storefront being rendered. */
export function useStorefront(): StorefrontInfo {
  return useContext(StorefrontContext)
}
