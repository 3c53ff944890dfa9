// Icons compile through the console's unplugin-icons (Vite); the plugin package only needs types.
declare module '~icons/*' {
  import type { Component, JSX } from 'solid-js'
  const icon: Component<JSX.SvgSVGAttributes<SVGSVGElement>>
  export default icon
}
