import type { Context } from 'hono'
import type { MallEnv } from '../../http/env.ts'
import { MallError } from '../../http/errors.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { CONTENT_TYPES } from './image-processing.ts'
import { STORAGE_KEY, storageFor } from './storage.ts'

/**
 * `GET /media/<mediaId>/<file>` on a mall's host (`mediaPath`): the mall's own stored files,
 * immutable (a new upload gets a new key), so they are cached for a year. The longer
 * `/media/<tenantId>/<mediaId>/<file>` that pages saved before still answers; there another
 * mall's id, or no mall at all, is a 404.
 */
export function mediaFileRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  const serve = async (c: Context<MallEnv>, tenantId: string, mediaId: string, file: string) => {
    const tenant = c.get('tenant')
    const key = `${tenantId}/${mediaId}/${file}`
    if (!tenant || tenant.id !== tenantId || !STORAGE_KEY.test(key))
      throw new MallError('not_found', 'No such file')
    const object = await storage.get(key)
    const type = CONTENT_TYPES[file.split('.').pop() ?? '']
    if (!object || !type) throw new MallError('not_found', 'No such file')
    return c.body(object.stream, 200, {
      'content-type': type,
      'content-length': String(object.bytes),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    })
  }
  return createRouter()
    .get('/:mediaId/:file', (c) => {
      const { mediaId, file } = c.req.param()
      return serve(c, c.get('tenant')?.id ?? '', mediaId, file)
    })
    .get('/:tenantId/:mediaId/:file', (c) => {
      const { tenantId, mediaId, file } = c.req.param()
      return serve(c, tenantId, mediaId, file)
    })
}
