import type { ViewLoader } from '../../server/view-loader.ts'

/** TODO(journey): load what the page shows. */
export const load: ViewLoader<null> = async (_ctx, request) => ({
  title: request.locale === 'en' ? 'Categories' : '分类',
  data: null,
})
