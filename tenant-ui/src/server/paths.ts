import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The tenant-ui package folder. */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url))
export const DIST_DIR = join(PACKAGE_DIR, 'dist')
export const CLIENT_DIR = join(DIST_DIR, 'client')
export const CLIENT_MANIFEST = join(CLIENT_DIR, '.vite', 'manifest.json')
export const SERVER_ENTRY = join(DIST_DIR, 'server', 'entry-server.js')
/** Written last by a successful build: its time is the build's. */
export const BUILD_STAMP = join(DIST_DIR, 'build.json')
/** The client entry's key in the Vite manifest. */
export const CLIENT_ENTRY = 'src/entry-client.tsx'
