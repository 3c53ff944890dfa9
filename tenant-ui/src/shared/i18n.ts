import type { Locale } from './localized.ts'

/** A view's or component's strings in both locales; `en` must have the same keys as `zh-CN`. */
export type Messages<M> = { 'zh-CN': M; en: NoInfer<M> }

/** Declares strings in both locales (typed from the Chinese ones). */
export const messages = <M extends Record<string, unknown>>(both: Messages<M>): Messages<M> => both

/** The strings of `locale`. */
export const inLocale = <M>(all: Messages<M>, locale: Locale): M => all[locale]
