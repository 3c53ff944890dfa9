import sanitizeHtml from 'sanitize-html'

const HTTP_URL = /^https?:\/\//i
// Relative paths (`/media/…`) are fine for images; `//host` and any scheme but http(s) are not.
const SAFE_SRC = /^(https?:\/\/|\/(?!\/)|\.{0,2}\/?[\w-])/i

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'img', 'a'],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt', 'width', 'height'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (_tagName, attribs) => {
      const href = attribs.href?.trim()
      const kept: sanitizeHtml.Attributes =
        href && HTTP_URL.test(href) ? { href, rel: 'noopener noreferrer nofollow' } : {}
      return { tagName: 'a', attribs: kept }
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !SAFE_SRC.test(frame.attribs.src ?? ''),
}

/**
 * Product description HTML reduced to a tight allowlist: paragraphs, emphasis, lists, h2–h4,
 * images with http(s) or relative sources and http(s) links opened with `rel=noopener`. Scripts,
 * styles, event handlers and every other attribute are removed, so it is safe to render as is.
 */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, options).trim()
}
