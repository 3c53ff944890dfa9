import type { TestClient, TestCore, TestMall } from '../../../test/app.ts'

/** A client on the mall's own host carrying its owner's staff session (for tests). */
export async function ownerOnMallHost(core: TestCore, mall: TestMall): Promise<TestClient> {
  const platform = core.client()
  await platform.loginStaff(mall.ownerEmail)
  const client = core.client(mall.host)
  for (const [name, value] of platform.cookies) client.cookies.set(name, value)
  return client
}

/** Sends a non-JSON body (multipart, CSV) like a same-origin browser, with the client's cookies. */
export function sendRaw(
  core: TestCore,
  client: TestClient,
  method: string,
  path: string,
  body: FormData | string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<Response> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  return Promise.resolve(
    core.app.request(`http://${client.host}${path}`, {
      method,
      body,
      headers: { host: client.host, cookie, 'sec-fetch-site': 'same-origin', ...headers },
    }),
  )
}

/** A valid product body: 颜色 (红, 蓝) × 尺码 (S, M), four SKUs with stock 5 each. */
export function tshirtBody(overrides: Record<string, unknown> = {}, codePrefix = 'TS') {
  const colors = [
    { 'zh-CN': '红', en: 'Red' },
    { 'zh-CN': '蓝', en: 'Blue' },
  ]
  const sizes = [{ en: 'S' }, { en: 'M' }]
  return {
    title: { 'zh-CN': '纯棉T恤', en: 'Cotton T-shirt' },
    subtitle: { 'zh-CN': '夏季新款' },
    status: 'active',
    tags: ['summer'],
    specOptions: [
      { name: { 'zh-CN': '颜色', en: 'Color' }, values: colors },
      { name: { 'zh-CN': '尺码', en: 'Size' }, values: sizes },
    ],
    skus: colors.flatMap((color, i) =>
      sizes.map((size, j) => ({
        spec: { 颜色: color['zh-CN'], 尺码: size.en },
        code: `${codePrefix}-${i}${j}`,
        price: 5900 + j * 1000,
        compareAtPrice: 9900,
        stock: 5,
        weightGrams: 200,
      })),
    ),
    ...overrides,
  }
}
