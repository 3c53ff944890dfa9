import { messages } from '../../shared/i18n.ts'

/** Strings every view uses. */
export const common = messages({
  'zh-CN': {
    back: '返回',
    home: '首页',
    loading: '加载中…',
    retry: '重试',
    errorTitle: '出错了',
    networkError: '网络不太稳定，请稍后重试。',
    notFoundTitle: '页面不存在',
    notFoundText: '你要找的页面不存在或已下架。',
    goHome: '回到首页',
    language: '语言',
  },
  en: {
    back: 'Back',
    home: 'Home',
    loading: 'Loading…',
    retry: 'Try again',
    errorTitle: 'Something went wrong',
    networkError: 'The connection is unsteady. Please try again.',
    notFoundTitle: 'Page not found',
    notFoundText: 'The page you are looking for does not exist or is no longer available.',
    goHome: 'Back to the home page',
    language: 'Language',
  },
})
