import sharp from 'sharp'

/** The image formats uploads may be, by what sharp reads from the bytes, with their types. */
const FORMATS = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
  avif: { mime: 'image/avif', ext: 'avif' },
} as const

/** The content type of every stored extension, for serving. */
export const CONTENT_TYPES: Record<string, string> = Object.fromEntries(
  Object.values(FORMATS).map((f) => [f.ext, f.mime]),
)

/** Thumbnail widths generated on upload, all as WebP. */
export const VARIANT_WIDTHS = { thumb: 240, medium: 720 } as const

/** What an accepted image is, read from its bytes. */
export interface ProbedImage {
  mime: string
  ext: string
  width: number
  height: number
}

// A decompression bomb (a tiny file claiming a huge canvas) is refused before decoding.
const MAX_PIXELS = 40_000_000

/**
 * What the bytes are, judged by content and never by file name: one of the accepted formats
 * with its size, or undefined for anything else (text, PDF, SVG, a truncated image).
 */
export async function probeImage(data: Buffer): Promise<ProbedImage | undefined> {
  try {
    const meta = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata()
    // AVIF is read by the HEIF loader; HEIC (HEVC) is not a format browsers show.
    const format =
      meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : undefined) : meta.format
    const known = format && format in FORMATS ? FORMATS[format as keyof typeof FORMATS] : undefined
    if (!known || !meta.width || !meta.height) return undefined
    if (meta.width * meta.height > MAX_PIXELS) return undefined
    // Decode it fully once: a valid header over garbage pixels must not pass.
    await sharp(data, { limitInputPixels: MAX_PIXELS }).stats()
    return { ...known, width: meta.width, height: meta.height }
  } catch {
    return undefined
  }
}

/** One thumbnail, as WebP bytes and its size. */
export interface RenderedVariant {
  name: string
  data: Buffer
  width: number
  height: number
}

/** The thumbnails of an image (never enlarged), upright by its EXIF orientation. */
export async function renderVariants(data: Buffer): Promise<RenderedVariant[]> {
  return Promise.all(
    Object.entries(VARIANT_WIDTHS).map(async ([name, width]) => {
      const { data: out, info } = await sharp(data, { limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80, effort: 2 })
        .toBuffer({ resolveWithObject: true })
      return { name, data: out, width: info.width, height: info.height }
    }),
  )
}
