import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { ownerOnMallHost, sendRaw } from '../catalog/test-support.ts'
import { createS3Client } from './s3-storage.ts'
import { storageFor } from './storage.ts'

/** Posts `data` as the multipart field `file`, with `client`'s cookies on its host. */
function upload(core: TestCore, client: TestClient, data: Uint8Array, name: string) {
  const form = new FormData()
  form.set('file', new Blob([data]), name)
  return sendRaw(core, client, 'POST', '/api/admin/media', form)
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer()

/** A storage backend under test: its configuration and a way to list what it holds. */
interface Backend {
  config: Record<string, string>
  /** Every stored key under `prefix` (a mall's id), sorted. */
  keys(prefix: string): Promise<string[]>
  stop(): Promise<void>
}

/** The local folder under `dataDir`, as configured by default. */
async function localBackend(dataDir: string): Promise<Backend> {
  return {
    config: {},
    async keys(prefix) {
      const root = join(dataDir, 'media', prefix)
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => `${prefix}/${entry.parentPath.slice(root.length + 1)}/${entry.name}`)
        .sort()
    },
    async stop() {},
  }
}

/** A real S3 server (s3rver) on loopback with a fresh bucket, and the config pointing at it. */
async function s3Backend(dataDir: string): Promise<Backend> {
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: join(dataDir, 's3'),
    configureBuckets: [{ name: 'mallkit' }],
  })
  const { port } = await server.run()
  const config = {
    MALLKIT_STORAGE: 's3',
    MALLKIT_S3_BUCKET: 'mallkit',
    MALLKIT_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    MALLKIT_S3_FORCE_PATH_STYLE: 'true',
    MALLKIT_S3_ACCESS_KEY_ID: 'S3RVER',
    MALLKIT_S3_SECRET_ACCESS_KEY: 'S3RVER',
  }
  const client = createS3Client({
    MALLKIT_S3_BUCKET: 'mallkit',
    MALLKIT_S3_REGION: 'us-east-1',
    MALLKIT_S3_ENDPOINT: config.MALLKIT_S3_ENDPOINT,
    MALLKIT_S3_FORCE_PATH_STYLE: true,
    MALLKIT_S3_ACCESS_KEY_ID: 'S3RVER',
    MALLKIT_S3_SECRET_ACCESS_KEY: 'S3RVER',
  })
  return {
    config,
    async keys(prefix) {
      const listed = await client.send(
        new ListObjectsV2Command({ Bucket: 'mallkit', Prefix: `${prefix}/` }),
      )
      return (listed.Contents ?? []).map((object) => object.Key ?? '').sort()
    },
    async stop() {
      client.destroy()
      await server.close()
    },
  }
}

describe.each([
  { storage: 'local', start: localBackend },
  { storage: 's3', start: s3Backend },
])('media uploads ($storage storage)', ({ start }) => {
  let core: TestCore
  let backend: Backend
  let dataDir: string
  let a: TestMall
  let b: TestMall
  let staffA: TestClient

  const mediaCount = (mall: TestMall) =>
    withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__media')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).then((row) => Number(row.n))

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mallkit-media-'))
    backend = await start(dataDir)
    core = await createTestCore({
      config: { MALLKIT_DATA_DIR: dataDir, MALLKIT_UPLOAD_MAX_BYTES: '200000', ...backend.config },
    })
    a = await core.createMall('media-a')
    b = await core.createMall('media-b')
    staffA = await ownerOnMallHost(core, a)
  })
  afterAll(async () => {
    await core?.close()
    await backend?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('accepts a PNG by content, records it and serves it with its WebP thumbnails', async () => {
    const response = await upload(core, staffA, await png(1000, 500), 'photo.bin')
    expect(response.status).toBe(201)
    const media = (await response.json()) as {
      id: string
      url: string
      contentType: string
      width: number
      variants: Record<string, { url: string; width: number; height: number }>
    }
    expect(media).toMatchObject({ contentType: 'image/png', width: 1000, height: 500 })
    expect(media.variants.thumb).toMatchObject({ width: 240, height: 120 })
    expect(media.variants.medium).toMatchObject({ width: 720, height: 360 })
    expect(await mediaCount(a)).toBe(1)

    const original = await core.client(a.host).get(media.url)
    expect(original.status).toBe(200)
    expect(original.headers.get('content-type')).toBe('image/png')
    expect(original.headers.get('cache-control')).toMatch(/max-age=31536000/)
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(1000)
    const thumb = await core.client(a.host).get(media.variants.thumb!.url)
    expect(thumb.headers.get('content-type')).toBe('image/webp')
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).format).toBe('webp')
    // Reached by path on the platform host, the URLs carry the mall's prefix and still work.
    const byPath = await core.client().get(`/s/${a.slug}${media.url}`)
    expect(byPath.status).toBe(200)
  })

  it("stores the original and its thumbnails under the mall's prefix, and nothing under B's", async () => {
    const response = await upload(core, staffA, await png(400, 200), 'p.png')
    const { id } = (await response.json()) as { id: string }
    const keys = (await backend.keys(a.id)).filter((key) => key.startsWith(`${a.id}/${id}/`))
    expect(keys).toEqual([
      `${a.id}/${id}/medium.webp`,
      `${a.id}/${id}/original.png`,
      `${a.id}/${id}/thumb.webp`,
    ])
    expect(await backend.keys(b.id)).toEqual([])
  })

  it('serves a deleted file as 404 and leaves nothing stored under its key', async () => {
    const response = await upload(core, staffA, await png(50, 50), 'd.png')
    const media = (await response.json()) as { id: string; url: string }
    const key = `${a.id}/${media.id}/original.png`
    // The mall is the host's: its id is not in the path. The longer path pages saved before
    // (with the mall's id) is still served.
    expect(media.url).toBe(`/media/${media.id}/original.png`)
    expect((await core.client(a.host).get(media.url)).status).toBe(200)
    expect((await core.client(a.host).get(`/media/${key}`)).status).toBe(200)
    await storageFor(core.services.config).delete(key)
    expect((await core.client(a.host).get(media.url)).status).toBe(404)
    expect((await core.client(a.host).get(`/media/${key}`)).status).toBe(404)
    expect(await backend.keys(a.id)).not.toContain(key)
    expect(await storageFor(core.services.config).get(key)).toBeUndefined()
  })

  it("does not serve mall A's file on mall B's host, nor on the platform host", async () => {
    const response = await upload(core, staffA, await png(300, 300), 'a.png')
    const { id, url } = (await response.json()) as { id: string; url: string }
    expect((await core.client(a.host).get(url)).status).toBe(200)
    expect((await core.client(b.host).get(url)).status).toBe(404)
    expect((await core.client().get(`/s/${b.slug}${url}`)).status).toBe(404)
    expect((await core.client().get(url)).status).toBe(404)
    // Nor by the longer path naming mall A, asked of B.
    const long = `/media/${a.id}/${id}/original.png`
    expect((await core.client(a.host).get(long)).status).toBe(200)
    expect((await core.client(b.host).get(long)).status).toBe(404)
    expect((await core.client().get(`/s/${b.slug}${long}`)).status).toBe(404)
    expect(
      (await core.client(a.host).get(url.replace('original.png', '..%2F..%2Fx.png'))).status,
    ).toBe(404)
  })

  it('refuses a text file named .png, naming body.file, and stores nothing', async () => {
    const before = await mediaCount(a)
    const response = await upload(
      core,
      staffA,
      new TextEncoder().encode('not an image at all'),
      'evil.png',
    )
    expect(response.status).toBe(422)
    const problem = (await response.json()) as { errors: { field: string }[] }
    expect(problem.errors.map((e) => e.field)).toEqual(['body.file'])
    expect(await mediaCount(a)).toBe(before)
  })

  it('refuses an SVG, which is an image a browser could run script in', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
    const response = await upload(core, staffA, new TextEncoder().encode(svg), 'x.png')
    expect(response.status).toBe(422)
  })

  it('refuses a file over the size limit, naming body.file', async () => {
    const before = await mediaCount(a)
    const big = await sharp({
      create: { width: 800, height: 800, channels: 3, background: '#000' },
    })
      .raw()
      .toBuffer()
    const response = await upload(core, staffA, big, 'big.png')
    expect([413, 422]).toContain(response.status)
    const problem = (await response.json()) as { errors: { field: string }[] }
    expect(problem.errors.map((e) => e.field)).toEqual(['body.file'])
    expect(await mediaCount(a)).toBe(before)
  })

  it('refuses a request without a file and an anonymous upload', async () => {
    const form = new FormData()
    form.set('alt', 'nothing')
    const missing = await sendRaw(core, staffA, 'POST', '/api/admin/media', form)
    expect(missing.status).toBe(422)
    const anonymous = await upload(core, core.client(a.host), await png(10, 10), 'a.png')
    expect(anonymous.status).toBe(401)
  })

  it('answers a JSON body with a 4xx problem, not a 500', async () => {
    const response = await staffA.post('/api/admin/media', { file: 'x' })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })
})
