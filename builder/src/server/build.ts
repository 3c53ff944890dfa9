import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  pluginBlocksFacets,
  pluginBlocksInputs,
} from '../../../tenant-ui/src/server/plugin-blocks.ts'
import { BUILD_STAMP, DIST_DIR, INDEX_HTML, PACKAGE_DIR } from './paths.ts'

/**
 * What the app is built from: a change to any of these makes `dist/` stale. The canvas renders
 * the storefront's blocks, so tenant-ui's sources count too.
 */
const INPUTS = [
  join(PACKAGE_DIR, 'src'),
  join(PACKAGE_DIR, 'index.html'),
  join(PACKAGE_DIR, 'vite.config.ts'),
  join(PACKAGE_DIR, 'package.json'),
  join(PACKAGE_DIR, '..', 'tenant-ui', 'src'),
]
const LOCK_DIR = join(DIST_DIR, '.lock')
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 3 * 60_000

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Whether `dist/` holds the app, built after the last change to its sources. */
export function isBuilt(): boolean {
  if (!existsSync(BUILD_STAMP) || !existsSync(INDEX_HTML)) return false
  const inputs = [...INPUTS, ...pluginBlocksInputs(pluginBlocksFacets())]
  return statSync(BUILD_STAMP).mtimeMs >= Math.max(...inputs.map(newestMtime))
}

/** Runs `vite build` for the console; returns the milliseconds. */
export async function buildConsole(): Promise<number> {
  const started = performance.now()
  const { build } = await import('vite')
  // Vite sets NODE_ENV=production for the build when it is unset; the server must not inherit it.
  const nodeEnv = process.env.NODE_ENV
  try {
    await build({ configFile: join(PACKAGE_DIR, 'vite.config.ts'), root: PACKAGE_DIR })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  const ms = Math.round(performance.now() - started)
  writeFileSync(BUILD_STAMP, JSON.stringify({ builtAt: new Date().toISOString(), ms }) + '\n')
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
 * Builds the app unless `dist/` is up to date. Processes starting together take turns: the first
 * builds, the others wait and find it built (the storefront's build works the same way).
 */
export async function ensureConsole(log?: { info(obj: object, msg: string): void }) {
  while (!isBuilt()) {
    if (!tryLock()) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      continue
    }
    try {
      if (isBuilt()) return
      const ms = await buildConsole()
      log?.info({ ms }, 'console built')
      return
    } finally {
      rmSync(LOCK_DIR, { recursive: true, force: true })
    }
  }
}
