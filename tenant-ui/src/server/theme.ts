/** A page's theme as CSS variables; absent values fall back to the storefront's defaults. */
export interface Theme {
  primary?: string | undefined
  radius?: number | undefined
  fontScale?: number | undefined
}

const DEFAULTS = { primary: '#e4393c', radius: 8, fontScale: 1 }

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
function onColor(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#1f2328'
}

/**
 * The `:root` rule of a theme. Values come from the page schema (a `#rrggbb` colour and
 * numbers), re-checked here because they end up inside a `<style>` element.
 */
export function themeCss(theme: Theme): string {
  const primary = /^#[0-9a-fA-F]{6}$/.test(theme.primary ?? '') ? theme.primary! : DEFAULTS.primary
  const radius = Number.isFinite(theme.radius) ? Number(theme.radius) : DEFAULTS.radius
  const scale = Number.isFinite(theme.fontScale) ? Number(theme.fontScale) : DEFAULTS.fontScale
  return `:root{--mk-primary:${primary};--mk-on-primary:${onColor(primary)};--mk-radius:${radius}px;--mk-font-scale:${scale}}`
}

/** The theme's primary colour (for `<meta name="theme-color">`). */
export function themePrimary(theme: Theme): string {
  return /^#[0-9a-fA-F]{6}$/.test(theme.primary ?? '') ? theme.primary! : DEFAULTS.primary
}
