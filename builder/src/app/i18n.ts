import { createSignal } from 'solid-js'

/** The console's languages. */
export type Locale = 'zh-CN' | 'en'

const en = {
  appName: 'Mallkit console',
  language: 'Language',
  email: 'Email',
  password: 'Password',
  logIn: 'Log in',
  loggingIn: 'Logging in…',
  loginFailed: 'Email or password is wrong.',
  tooMany: 'Too many attempts. Try again in a minute.',
  logOut: 'Log out',
  malls: 'Your malls',
  noMalls: 'You are not a member of any mall yet. Ask its owner to invite you.',
  pages: 'Pages',
  noPages: 'This mall has no pages yet.',
  open: 'Open',
  published: (v: number) => `Published v${v}`,
  draftOnly: 'Draft only',
  back: 'Back',
  blocks: 'Blocks',
  search: 'Search blocks',
  noBlocks: 'No block matches.',
  add: 'Add',
  addBlock: (label: string) => `Add ${label}`,
  canvas: 'Page canvas',
  dropHere: 'Drag blocks here',
  emptyPage: 'The page is empty: drag a block from the left, or press its add button.',
  device: 'Device',
  phone: 'Phone',
  tablet: 'Tablet',
  desktop: 'Desktop',
  undo: 'Undo',
  redo: 'Redo',
  publish: 'Publish',
  publishing: 'Publishing…',
  publishedOk: (v: number) => `Published as version ${v}.`,
  fixFirst: 'Fix these blocks before publishing:',
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  saveFailed: 'Could not save. Retrying on the next change.',
  inspector: 'Inspector',
  selectHint: 'Select a block on the canvas to edit it.',
  moveUp: 'Move up',
  moveDown: 'Move down',
  duplicate: 'Duplicate',
  delete: 'Delete',
  confirmDelete: (label: string) => `Delete this ${label}?`,
  cancel: 'Cancel',
  addItem: 'Add item',
  removeItem: (n: number) => `Remove item ${n}`,
  item: (n: number) => `Item ${n}`,
  zh: '中文',
  enName: 'English',
  notEditable: 'Not editable here yet',
  needsFix: 'Needs fixing',
  refused: 'That is not possible here.',
  loadFailed: 'Could not load. Reload the page to try again.',
  mallNav: 'Mall',
  settings: 'Settings',
  noAccess: 'Your role does not include this screen. Ask the mall owner if you need it.',
  noAccessAtAll: 'Your role gives you no screens in this mall.',
  notFound: 'There is nothing here.',
  plugins: 'Plugins',
  noPlugins: 'No plugin is installed. Install one on the server, then reload.',
  pluginOn: 'On',
  pluginOff: 'Off',
  notInPlan: 'Not in this plan',
  inPlan: 'In this plan',
  needs: (ids: string) => `Needs ${ids}`,
  togglePlugin: (name: string) => `Turn ${name} on or off`,
  confirmTurnOff: (name: string) =>
    `Turn off ${name}? Its blocks leave the editor and the storefront until it is on again.`,
  turnOff: 'Turn off',
  history: 'History',
  versions: 'Published versions',
  closeHistory: 'Close history',
  noVersions: 'Nothing published yet: publish the page to start its history.',
  version: (v: number) => `Version ${v}`,
  current: 'Live',
  byYou: 'you',
  byOther: 'another staff member',
  bySystem: 'the system',
  publishedByAt: (who: string, when: string) => `by ${who}, ${when}`,
  rollBack: 'Roll back',
  rollBackTo: (v: number) => `Roll back to version ${v}`,
  confirmRollBack: (v: number) =>
    `Publish version ${v} again as the newest? The draft is replaced by it.`,
  rolledBack: (from: number, to: number) => `Version ${from} is live again as version ${to}.`,
}

type Messages = typeof en

const zh: Messages = {
  appName: 'Mallkit 控制台',
  language: '语言',
  email: '邮箱',
  password: '密码',
  logIn: '登录',
  loggingIn: '正在登录…',
  loginFailed: '邮箱或密码错误。',
  tooMany: '尝试次数过多，请一分钟后再试。',
  logOut: '退出登录',
  malls: '我的商城',
  noMalls: '你还不是任何商城的成员，请让商城主人邀请你。',
  pages: '页面',
  noPages: '这个商城还没有页面。',
  open: '打开',
  published: (v) => `已发布 v${v}`,
  draftOnly: '仅草稿',
  back: '返回',
  blocks: '组件',
  search: '搜索组件',
  noBlocks: '没有匹配的组件。',
  add: '添加',
  addBlock: (label) => `添加${label}`,
  canvas: '页面画布',
  dropHere: '把组件拖到这里',
  emptyPage: '页面是空的：从左侧拖入组件，或点击组件的添加按钮。',
  device: '设备',
  phone: '手机',
  tablet: '平板',
  desktop: '电脑',
  undo: '撤销',
  redo: '重做',
  publish: '发布',
  publishing: '正在发布…',
  publishedOk: (v) => `已发布为第 ${v} 版。`,
  fixFirst: '发布前请先修正这些组件：',
  saved: '已保存',
  saving: '正在保存…',
  unsaved: '有未保存的修改',
  saveFailed: '保存失败，下次修改时会重试。',
  inspector: '属性',
  selectHint: '在画布上选中一个组件来编辑它。',
  moveUp: '上移',
  moveDown: '下移',
  duplicate: '复制',
  delete: '删除',
  confirmDelete: (label) => `删除这个${label}？`,
  cancel: '取消',
  addItem: '添加一项',
  removeItem: (n) => `删除第 ${n} 项`,
  item: (n) => `第 ${n} 项`,
  zh: '中文',
  enName: 'English',
  notEditable: '暂不支持在此编辑',
  needsFix: '需要修正',
  refused: '这里不能这样操作。',
  loadFailed: '加载失败，请刷新页面重试。',
  mallNav: '商城',
  settings: '设置',
  noAccess: '你的角色没有这个页面的权限，如需使用请联系商城负责人。',
  noAccessAtAll: '你的角色在这个商城里没有可用的页面。',
  notFound: '这里什么也没有。',
  plugins: '插件',
  noPlugins: '还没有安装插件。在服务器上安装后刷新页面。',
  pluginOn: '已开启',
  pluginOff: '已关闭',
  notInPlan: '当前套餐不包含',
  inPlan: '套餐已包含',
  needs: (ids) => `依赖 ${ids}`,
  togglePlugin: (name) => `开启或关闭${name}`,
  confirmTurnOff: (name) => `关闭${name}？重新开启前，它的组件会从编辑器和店铺中移除。`,
  turnOff: '关闭',
  history: '历史版本',
  versions: '已发布的版本',
  closeHistory: '关闭历史版本',
  noVersions: '还没有发布过：发布页面后这里会记录每个版本。',
  version: (v) => `第 ${v} 版`,
  current: '线上',
  byYou: '你',
  byOther: '其他员工',
  bySystem: '系统',
  publishedByAt: (who, when) => `${who} 于 ${when}`,
  rollBack: '回滚',
  rollBackTo: (v) => `回滚到第 ${v} 版`,
  confirmRollBack: (v) => `把第 ${v} 版重新发布为最新版本？草稿会被它替换。`,
  rolledBack: (from, to) => `第 ${from} 版已重新上线，成为第 ${to} 版。`,
}

/** Labels of the props the core blocks share; others are spelled out from their key. */
const PROP_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  title: { 'zh-CN': '标题', en: 'Title' },
  text: { 'zh-CN': '文字', en: 'Text' },
  slides: { 'zh-CN': '轮播图片', en: 'Slides' },
  image: { 'zh-CN': '图片地址', en: 'Image' },
  alt: { 'zh-CN': '替代文字', en: 'Alt text' },
  link: { 'zh-CN': '链接', en: 'Link' },
  autoplay: { 'zh-CN': '自动播放', en: 'Autoplay' },
  intervalMs: { 'zh-CN': '切换间隔（毫秒）', en: 'Interval (ms)' },
  aspect: { 'zh-CN': '宽高比', en: 'Aspect ratio' },
  source: { 'zh-CN': '商品来源', en: 'Products from' },
  limit: { 'zh-CN': '数量', en: 'How many' },
  columns: { 'zh-CN': '列数', en: 'Columns' },
  showCompareAt: { 'zh-CN': '显示划线价', en: 'Show compare-at price' },
  items: { 'zh-CN': '条目', en: 'Items' },
  label: { 'zh-CN': '名称', en: 'Label' },
  icon: { 'zh-CN': '图标', en: 'Icon' },
  height: { 'zh-CN': '高度', en: 'Height' },
}

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('mk_console_lang')
const initial: Locale =
  stored === 'en' || stored === 'zh-CN'
    ? stored
    : // No navigator outside a browser (unit tests): English.
      typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh')
      ? 'zh-CN'
      : 'en'
const [locale, setLocaleSignal] = createSignal<Locale>(initial)

/** The console's current language. */
export { locale }

/** Switches the console's language and remembers it in this browser. */
export function setLocale(next: Locale) {
  localStorage.setItem('mk_console_lang', next)
  document.documentElement.lang = next
  setLocaleSignal(next)
}

/** The messages in the current language (reactive). */
export const t = (): Messages => (locale() === 'en' ? en : zh)

/** A block prop's label in the current language. */
export function propLabel(key: string): string {
  const known = PROP_LABELS[key]
  if (known) return known[locale()]
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A localized label from the API, in the current language. */
export const localized = (text: { 'zh-CN'?: string; en?: string } | undefined): string =>
  text?.[locale()] || text?.[locale() === 'en' ? 'zh-CN' : 'en'] || ''

/**
 * A screen's own strings in both languages, picked by the current locale (reactive). Sections
 * and plugin screens keep their strings next to them instead of growing this file.
 */
export function messages<M>(byLocale: { en: M; 'zh-CN': NoInfer<M> }): () => M {
  return () => byLocale[locale()]
}
