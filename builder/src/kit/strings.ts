import { messages } from '../app/i18n.ts'

/** The kit's own strings. */
export const kitText = messages({
  en: {
    loadMore: 'Load more',
    loading: 'Loading…',
    loadFailed: 'Could not load. Try again.',
    retry: 'Retry',
    confirm: 'Confirm',
    cancel: 'Cancel',
    fixFields: 'Check the highlighted fields.',
  },
  'zh-CN': {
    loadMore: '加载更多',
    loading: '加载中…',
    loadFailed: '加载失败，请重试。',
    retry: '重试',
    confirm: '确认',
    cancel: '取消',
    fixFields: '请检查标出的字段。',
  },
})
