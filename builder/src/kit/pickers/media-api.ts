import { ApiError, api, mallApi, type Problem } from '../../app/api.ts'
import type { ListPage } from '../ListView.tsx'

/** A stored image as the admin API shows it (URLs on the platform host, under `/s/{slug}`). */
export interface Media {
  id: string
  url: string
  contentType: string
  width: number
  height: number
  alt: string | null
  variants: Record<string, { url: string; width: number; height: number }>
}

/** A page of the mall's media library, newest first. */
export const listMedia = (slug: string, cursor: string | null) =>
  api<ListPage<Media>>(
    mallApi(slug, `/media?limit=24${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  )

/** Uploads one image file to the mall's media library; a refusal is an `ApiError` naming `file`. */
export async function uploadMedia(slug: string, file: File): Promise<Media> {
  const form = new FormData()
  form.set('file', file)
  const response = await fetch(mallApi(slug, '/media'), {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
  })
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<Problem>
    throw new ApiError({ ...problem, status: response.status })
  }
  return (await response.json()) as Media
}

/** The smallest variant fit for a preview of `media`. */
export const thumbUrl = (media: Media): string =>
  media.variants.thumb?.url ?? media.variants.medium?.url ?? media.url

/**
 * The mall path (`/media/…`) a page or block stores for `media`: its medium variant, without the
 * `/s/{slug}` prefix the platform host needs, so it works on the mall's own host and domains.
 */
export function mallPathOf(slug: string, media: Media): string {
  const url = media.variants.medium?.url ?? media.url
  const prefix = `/s/${slug}`
  return url.startsWith(`${prefix}/`) ? url.slice(prefix.length) : url
}

/** Where the console (on the platform host) can show a stored mall path or URL. */
export function previewUrl(slug: string, value: string): string {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/s/')
    ? `/s/${slug}${value}`
    : value
}
