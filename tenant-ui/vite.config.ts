import Icons from 'unplugin-icons/vite'
import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import { STOREFRONT_ASSET_PREFIX } from '../core/src/storefront/facet.ts'

/**
 * One config, two builds: the browser bundle (`dist/client`, with a manifest for the HTML
 * document) and the server bundle of `src/entry-server.tsx` (`dist/server`). Both compile Solid
 * with hydration in mind (`ssr: true`), or the browser would throw the server's DOM away.
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: import.meta.dirname,
  base: STOREFRONT_ASSET_PREFIX,
  publicDir: false,
  logLevel: 'warn',
  // One Solid for the page: plugins' block modules (outside this package) import solid-js too, and
  // resolve it from here, so their components share the storefront's runtime and reactive owner.
  resolve: { dedupe: ['solid-js', 'solid-js/web', 'solid-js/store'] },
  plugins: [
    solid({ ssr: true }),
    Icons({ compiler: 'solid', collectionsNodeResolvePath: import.meta.dirname }),
  ],
  build: isSsrBuild
    ? { outDir: 'dist/server', emptyOutDir: true, ssr: 'src/entry-server.tsx', target: 'node20' }
    : {
        outDir: 'dist/client',
        emptyOutDir: true,
        manifest: true,
        target: 'es2022',
        rollupOptions: { input: 'src/entry-client.tsx' },
      },
}))
