import { describe, expect, it } from 'vitest'
import { mallPathOf, previewUrl, thumbUrl, type Media } from './media-api.ts'

const media = (variants: Media['variants']): Media => ({
  id: '00000000-0000-4000-8000-000000000001',
  url: '/s/demo/media/t/m/original.png',
  contentType: 'image/png',
  width: 1000,
  height: 800,
  alt: null,
  variants,
})
const sized = (url: string) => ({ url, width: 240, height: 192 })

describe('media paths', () => {
  it('stores the medium variant as a mall path, without the platform host prefix', () => {
    const image = media({
      thumb: sized('/s/demo/media/t/m/thumb.webp'),
      medium: sized('/s/demo/media/t/m/medium.webp'),
    })
    expect(mallPathOf('demo', image)).toBe('/media/t/m/medium.webp')
    expect(mallPathOf('demo', media({}))).toBe('/media/t/m/original.png')
    expect(thumbUrl(image)).toBe('/s/demo/media/t/m/thumb.webp')
  })

  it('previews a mall path under the mall on the platform host and leaves URLs alone', () => {
    expect(previewUrl('demo', '/media/t/m/medium.webp')).toBe('/s/demo/media/t/m/medium.webp')
    expect(previewUrl('demo', 'https://cdn.test/a.png')).toBe('https://cdn.test/a.png')
    expect(previewUrl('demo', '//cdn.test/a.png')).toBe('//cdn.test/a.png')
  })
})
