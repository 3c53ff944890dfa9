import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 3 * 60_000

/** The newest modification time under `path` (0 when it does not exist). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Whether the build stamp at `stamp` is newer than everything under `inputs`. */
export const builtAfter = (stamp: string, inputs: readonly string[]): boolean =>
  existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newestMtime))

/** Takes `distDir`'s build lock (one build at a time across processes); false while held. */
function tryLock(lockDir: string): boolean {
  mkdirSync(join(lockDir, '..'), { recursive: true })
  try {
    mkdirSync(lockDir)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    if (Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS)
      rmSync(lockDir, { recursive: true, force: true })
    return false
  }
}

/**
 * Builds into `distDir` unless `isBuilt()` says it is up to date. Processes starting together
 * (test workers, replicas on one disk) take turns through a lock folder: the first builds, the
 * others wait and find it built. The storefront and the console build this way.
 */
export async function buildOnDemand(options: {
  distDir: string
  isBuilt: () => boolean
  build: () => Promise<number>
  what: string
  log?: { info(obj: object, msg: string): void } | undefined
}): Promise<void> {
  const lockDir = join(options.distDir, '.lock')
  while (!options.isBuilt()) {
    if (!tryLock(lockDir)) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      continue
    }
    try {
      if (options.isBuilt()) return
      const ms = await options.build()
      options.log?.info({ ms }, `${options.what} built`)
      return
    } finally {
      rmSync(lockDir, { recursive: true, force: true })
    }
  }
}
