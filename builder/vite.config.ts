import Icons from 'unplugin-icons/vite'
import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import {
  PLUGIN_CONSOLE_ID,
  pluginBlocksPlugin,
  pluginFacetsPlugin,
} from '../tenant-ui/src/server/plugin-blocks.ts'

/**
 * The console: a client-only Solid app under `/console/`. The canvas renders the storefront's
 * block components, so the installed plugins' blocks are generated in as the storefront does, and
 * so are the plugins' console screens (`"mallkit": { "console": … }`).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [
    solid(),
    Icons({ compiler: 'solid', collectionsNodeResolvePath: import.meta.dirname }),
    pluginBlocksPlugin(),
    pluginFacetsPlugin(PLUGIN_CONSOLE_ID, 'console'),
  ],
  // tenant-ui's blocks and the console must share one Solid runtime (one context registry).
  resolve: { dedupe: ['solid-js'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
})
