import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PLUGINS_DIR } from '../../../core/src/plugins/discover.ts'
import { BUILD_STAMP, CLIENT_MANIFEST, DIST_DIR, PACKAGE_DIR, SERVER_ENTRY } from './paths.ts'
import { builtAfter, buildOnDemand } from './on-demand-build.ts'
import { pluginBlocksFacets, pluginBlocksInputs, pluginBlocksPlugin } from './plugin-blocks.ts'

/** What the bundles are built from: a change to any of these makes `dist/` stale. */
const INPUTS = ['src', 'vite.config.ts', 'package.json']

/**
 * Whether `dist/` holds both bundles, built after the last change to their sources (the
 * storefront's and the installed plugins' block modules).
 */
export function isBuilt(): boolean {
  if (!existsSync(CLIENT_MANIFEST) || !existsSync(SERVER_ENTRY)) return false
  return builtAfter(BUILD_STAMP, [
    ...INPUTS.map((input) => join(PACKAGE_DIR, input)),
    ...pluginBlocksInputs(pluginBlocksFacets()),
  ])
}

/** Where a build reads plugins from and writes to (tests build elsewhere). */
export interface BuildOptions {
  pluginsDir?: string
  /** Holds `client/`, `server/` and `build.json`. */
  distDir?: string
}

/** Runs `vite build` for the browser bundle, then the server bundle; returns the milliseconds. */
export async function buildBundles(options: BuildOptions = {}): Promise<number> {
  const started = performance.now()
  const distDir = options.distDir ?? DIST_DIR
  const { build } = await import('vite')
  const common = {
    configFile: join(PACKAGE_DIR, 'vite.config.ts'),
    root: PACKAGE_DIR,
    plugins: [pluginBlocksPlugin(options.pluginsDir ?? PLUGINS_DIR)],
  }
  // Vite sets NODE_ENV=production for the build when it is unset; the server must not inherit it.
  const nodeEnv = process.env.NODE_ENV
  try {
    await build({ ...common, build: { outDir: join(distDir, 'client') } })
    await build({
      ...common,
      build: { ssr: 'src/entry-server.tsx', outDir: join(distDir, 'server') },
    })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  const ms = Math.round(performance.now() - started)
  writeFileSync(
    join(distDir, 'build.json'),
    JSON.stringify({ builtAt: new Date().toISOString(), ms }) + '\n',
  )
  return ms
}

/** Builds the bundles unless `dist/` is up to date (one process at a time). */
export function ensureBundles(log?: { info(obj: object, msg: string): void }): Promise<void> {
  return buildOnDemand({
    distDir: DIST_DIR,
    isBuilt,
    build: () => buildBundles(),
    what: 'storefront',
    log,
  })
}
