import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  pluginBlocksFacets,
  pluginBlocksInputs,
  pluginModuleFacets,
} from '../../../tenant-ui/src/server/plugin-blocks.ts'
import { builtAfter, buildOnDemand } from '../../../tenant-ui/src/server/on-demand-build.ts'
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

/** Whether `dist/` holds the app, built after the last change to its sources. */
export function isBuilt(): boolean {
  if (!existsSync(INDEX_HTML)) return false
  const plugins = [...pluginBlocksFacets(), ...pluginModuleFacets('console')]
  return builtAfter(BUILD_STAMP, [...INPUTS, ...pluginBlocksInputs(plugins)])
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

/** Builds the app unless `dist/` is up to date (one process at a time, like the storefront). */
export function ensureConsole(log?: { info(obj: object, msg: string): void }): Promise<void> {
  return buildOnDemand({ distDir: DIST_DIR, isBuilt, build: buildConsole, what: 'console', log })
}
