import sharp from 'sharp'
import type { DemoProduct } from './demo-catalog-types.ts'

const SIZE = 800
/** Rendered at this width: large enough for the medium (720 px) thumbnail. */
const WIDTH = 720

/** `hsl` to `#rrggbb` (librsvg reads hex everywhere). */
function hex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100
  const l = lightness / 100
  const f = (n: number) => {
    const k = (n + hue / 30) % 12
    const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${f(0)}${f(8)}${f(4)}`
}

const xml = (text: string) => text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

const SHAPES: Record<DemoProduct['shape'], string> = {
  circle: '<circle cx="400" cy="320" r="170"/>',
  square: '<rect x="250" y="150" width="300" height="340" rx="48"/>',
  triangle: '<polygon points="400,130 590,490 210,490"/>',
  diamond: '<polygon points="400,120 580,320 400,520 220,320"/>',
  ring: '<circle cx="400" cy="320" r="170" fill="none" stroke="#ffffff" stroke-width="60"/>',
  bars: '<rect x="230" y="200" width="80" height="290" rx="20"/><rect x="360" y="150" width="80" height="340" rx="20"/><rect x="490" y="240" width="80" height="250" rx="20"/>',
}

/** The SVG of a demo product's image: a gradient in its hue, its shape and its names. */
export function demoImageSvg(product: Pick<DemoProduct, 'hue' | 'shape' | 'zh' | 'en'>): string {
  const from = hex(product.hue, 70, 68)
  const to = hex((product.hue + 40) % 360, 65, 42)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="${SIZE}" height="${SIZE}" fill="url(#g)"/>
  <g fill="#ffffff" fill-opacity="0.85">${SHAPES[product.shape]}</g>
  <text x="400" y="630" font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif" font-size="56" font-weight="bold" fill="#ffffff" text-anchor="middle">${xml(product.zh)}</text>
  <text x="400" y="700" font-family="DejaVu Sans, sans-serif" font-size="36" fill="#ffffff" fill-opacity="0.9" text-anchor="middle">${xml(product.en)}</text>
</svg>`
}

/** The demo product's image as WebP bytes (deterministic for the same product). */
export function renderDemoImage(
  product: Pick<DemoProduct, 'hue' | 'shape' | 'zh' | 'en'>,
): Promise<Buffer> {
  return sharp(Buffer.from(demoImageSvg(product)))
    .resize(WIDTH)
    .webp({ quality: 80, effort: 2 })
    .toBuffer()
}
