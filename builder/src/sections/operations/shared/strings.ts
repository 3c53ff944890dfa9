import { messages } from '../../../app/i18n.ts'

/** Strings the operations screens share. */
export const opsText = messages({
  en: {
    from: 'From',
    to: 'To',
    back: 'Back to the list',
    loadFailed: 'Could not load. Reload the page to try again.',
    notFound: 'Nothing here: it may have been removed, or belongs to another mall.',
    refused: 'That was refused.',
  },
  'zh-CN': {
    from: '从',
    to: '到',
    back: '返回列表',
    loadFailed: '加载失败，请刷新页面重试。',
    notFound: '这里什么也没有：它可能已被删除，或属于其他商城。',
    refused: '操作被拒绝。',
  },
})
