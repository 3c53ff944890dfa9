import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

/** A `pnpm start` process under test. */
export interface RunningMallkit {
  child: ChildProcess
  output: () => string
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>
}

/**
 * Starts `pnpm start`'s entry point on `port` with `dataDir` as its own process, and waits until it
 * prints its URLs (and, at log level `info`, its `listening` line: a separate write).
 */
export async function startMallkit(
  dataDir: string,
  port: number,
  options: { logLevel?: 'warn' | 'info' } = {},
): Promise<RunningMallkit> {
  const logLevel = options.logLevel ?? 'warn'
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      MALLKIT_DATA_DIR: dataDir,
      LOG_LEVEL: logLevel,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  child.stderr?.on('data', (chunk) => (output += String(chunk)))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const deadline = Date.now() + 90_000
  const ready = () =>
    output.includes('Mallkit is running') &&
    (logLevel !== 'info' || output.includes('"msg":"listening"'))
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGTERM')
      throw new Error(`server did not start:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    child,
    output: () => output,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}
