import { messages } from '../app/i18n.ts'

/** The kit's own strings. */
export const kitText = messages({
  en: {
    search: 'Search',
    loadMore: 'Load more',
    loading: 'Loading…',
    loadFailed: 'Could not load. Try again.',
    retry: 'Retry',
    confirm: 'Confirm',
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved',
    fixFields: 'Check the highlighted fields.',
    shown: (n: number) => `${n} shown`,
  },
  'zh-CN': {
    search: '搜索',
    loadMore: '加载更多',
    loading: '加载中…',
    loadFailed: '加载失败，请重试。',
    retry: '重试',
    confirm: '确认',
    cancel: '取消',
    save: '保存',
    saving: '保存中…',
    saved: '已保存',
    fixFields: '请检查标出的字段。',
    shown: (n) => `已显示 ${n} 条`,
  },
})
