import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PLUGINS_DIR } from '../../../core/src/plugins/discover.ts'
import { BUILD_STAMP, CLIENT_MANIFEST, DIST_DIR, PACKAGE_DIR, SERVER_ENTRY } from './paths.ts'
import { pluginBlocksFacets, pluginBlocksInputs, pluginBlocksPlugin } from './plugin-blocks.ts'

/** What the bundles are built from: a change to any of these makes `dist/` stale. */
const INPUTS = ['src', 'vite.config.ts', 'package.json']
const LOCK_DIR = join(DIST_DIR, '.lock')
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 3 * 60_000

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/**
 * Whether `dist/` holds both bundles, built after the last change to their sources (the
 * storefront's and the installed plugins' block modules).
 */
export function isBuilt(): boolean {
  if (!existsSync(BUILD_STAMP) || !existsSync(CLIENT_MANIFEST) || !existsSync(SERVER_ENTRY))
    return false
  const inputs = [
    ...INPUTS.map((input) => join(PACKAGE_DIR, input)),
    ...pluginBlocksInputs(pluginBlocksFacets()),
  ]
  return statSync(BUILD_STAMP).mtimeMs >= Math.max(...inputs.map(newestMtime))
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

/** Takes the build lock (one build at a time across processes); false while another holds it. */
function tryLock(): boolean {
  mkdirSync(DIST_DIR, { recursive: true })
  try {
    mkdirSync(LOCK_DIR)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    if (Date.now() - statSync(LOCK_DIR).mtimeMs > STALE_LOCK_MS)
      rmSync(LOCK_DIR, { recursive: true, force: true })
    return false
  }
}

/**
 * Builds the bundles unless `dist/` is up to date. Processes starting together (test workers,
 * replicas on one disk) take turns: the first builds, the others wait and find it built.
 */
export async function ensureBundles(log?: { info(obj: object, msg: string): void }) {
  while (!isBuilt()) {
    if (!tryLock()) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      continue
    }
    try {
      if (isBuilt()) return
      const ms = await buildBundles()
      log?.info({ ms }, 'storefront built')
      return
    } finally {
      rmSync(LOCK_DIR, { recursive: true, force: true })
    }
  }
}
