import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The builder package folder. */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url))
export const DIST_DIR = join(PACKAGE_DIR, 'dist')
/** Written last by a successful build: its time is the build's. */
export const BUILD_STAMP = join(DIST_DIR, 'build.json')
export const INDEX_HTML = join(DIST_DIR, 'index.html')
