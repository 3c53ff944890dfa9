/** The inside of an icon's raw markup (`~icons/lucide/…?raw`): its paths, without the `<svg>`. */
export const svgInner = (svg: string): string => svg.replace(/^<svg[^>]*>|<\/svg>\s*$/g, '')

/**
 * A decorative 24 × 24 icon drawn from its paths (`svgInner`), not from its icon component: the
 * blocks of a home page show a dozen icons, and a component per icon (props merged and spread, a
 * hydration key each) costs a server render more than the rest of the block. The markup is the
 * same on the server and in the browser, so hydration has nothing to reconcile inside it.
 */
export function SvgIcon(p: { inner: string; class?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1.2em"
      height="1.2em"
      aria-hidden="true"
      class={p.class}
      innerHTML={p.inner}
    />
  )
}
