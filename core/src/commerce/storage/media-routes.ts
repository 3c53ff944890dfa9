import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { MallError, validationError } from '../../http/errors.ts'
import { commonErrors, json } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { prepareImage, storeImage, toMediaView } from './media-service.ts'
import { mediaBase } from './media-url.ts'
import { storageFor } from './storage.ts'

const Variant = z.object({ url: z.string(), width: z.number().int(), height: z.number().int() })

/** A stored image with its thumbnails, as the admin and store APIs show it. */
export const MediaSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    contentType: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string().nullable(),
    variants: z.record(z.string(), Variant),
  })
  .openapi('Media')

const tooLarge = (max: number) =>
  validationError(
    [{ field: 'body.file', message: `larger than ${Math.floor(max / 1024 / 1024)} MB` }],
    'The file is too large',
  )

const upload = (maxBytes: number) =>
  createRoute({
    method: 'post',
    path: '/media',
    tags: ['admin'],
    summary:
      'Uploads an image (multipart field `file`, at most 10 MB; JPEG, PNG, WebP, GIF or AVIF judged by content) and generates its thumbnails',
    // Form overhead is small; the file itself is checked exactly below.
    middleware: [
      bodyLimit({
        maxSize: maxBytes + 64 * 1024,
        onError: () => {
          throw tooLarge(maxBytes)
        },
      }),
    ] as const,
    request: {
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              file: z.any().openapi({ type: 'string', format: 'binary' }),
              alt: z.string().max(200).optional(),
            }),
          },
        },
      },
    },
    responses: { 201: json(MediaSchema, 'Stored'), ...commonErrors },
  })

/** `/api/admin/media`: image uploads of the mall, stored through the configured storage. */
export function mediaAdminRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  const maxBytes = services.config.MALLKIT_UPLOAD_MAX_BYTES
  return createRouter().openapi(upload(maxBytes), async (c) => {
    const { file, alt } = c.req.valid('form')
    if (!(file instanceof File))
      throw validationError([{ field: 'body.file', message: 'attach the image as a file' }])
    if (file.size > maxBytes) throw tooLarge(maxBytes)
    if (file.size === 0)
      throw validationError([{ field: 'body.file', message: 'the file is empty' }])
    // Decoding and resizing happen before the transaction: it holds a connection (PGlite: the one).
    const image = await prepareImage(Buffer.from(await file.arrayBuffer()))
    const row = await c.var.inMall(async (ctx) => {
      ctx.require('core:catalog.manage')
      const saved = await storeImage(ctx.db, ctx.tenant.id, storage, image, { alt })
      await ctx.audit('core.media.uploaded', saved.id, { bytes: saved.bytes })
      return saved
    })
    if (!row) throw new MallError('internal')
    return c.json(toMediaView(row, storage, mediaBase(c)), 201)
  })
}
