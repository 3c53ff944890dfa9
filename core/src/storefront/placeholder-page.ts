import type { Tenant } from '../db/schema.ts'

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

const shell = (lang: string, title: string, body: string) => `<!doctype html>
<html lang="${escape(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>body{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f6f6f7;color:#1f2328}
main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.6rem;margin:0 0 .5rem}p{color:#59636e;line-height:1.6}</style>
</head><body><main>${body}</main></body></html>`

/**
 * A mall's page while nothing is published at its path (or no storefront is installed):
 * server-rendered, names the mall.
 */
export function mallPlaceholderPage(tenant: Tenant): string {
  const zh = tenant.default_locale === 'zh-CN'
  return shell(
    tenant.default_locale,
    tenant.name,
    `<h1>${escape(tenant.name)}</h1><p>${zh ? '商城正在装修中，敬请期待。' : 'This mall is being set up. Please come back soon.'}</p>`,
  )
}

/** The page a suspended mall shows its customers. */
export function mallSuspendedPage(tenant: Tenant): string {
  return shell(
    tenant.default_locale,
    tenant.name,
    `<h1>${escape(tenant.name)}</h1><p>本店暂停营业。<br>This mall is temporarily closed.</p>`,
  )
}

/** The platform host's landing page. */
export function platformPage(): string {
  return shell(
    'en',
    'Mallkit',
    `<h1>Mallkit</h1><p>The console is at <a href="/console/">/console/</a>; malls are served at <code>/s/{slug}/</code> and <code>{slug}.your-domain</code>.</p>`,
  )
}

/** `/console/` when no console package is installed: says where the console's API is. */
export function consolePlaceholderPage(): string {
  return shell(
    'en',
    'Mallkit console',
    `<h1>Mallkit console</h1><p>The console package is not installed. Its API is ready: log in with <code>POST /api/platform/auth/login</code>, then use <code>/api/platform/*</code> and <code>/s/{slug}/api/admin/*</code>, described in <a href="/api/openapi.json">/api/openapi.json</a>.</p>`,
  )
}
