import type { ViewLoader } from '../../server/view-loader.ts'

/** The shell of a personal page: the browser fetches its data after hydration. */
export const load: ViewLoader<null> = async (_ctx, request) => ({
  title: request.locale === 'en' ? 'Me' : '我的',
  data: null,
})
