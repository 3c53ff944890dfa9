#!/usr/bin/env node
// Runs a command with a PostgreSQL server available and MALLKIT_TEST_DATABASE_URL set.
//
//   node core/scripts/with-postgres.mjs <command> [args...]
//
// If MALLKIT_TEST_DATABASE_URL is already set, the command simply runs against that server.
// Otherwise a throwaway cluster is created in a fresh temp dir, started on a free loopback port,
// and always stopped and removed afterwards (success, failure, SIGINT, SIGTERM). The script exits
// with the command's exit code. Without PostgreSQL binaries the leg is skipped (exit 0), except
// with CI=true, where that is an error (exit 1).
//
// startThrowawayPostgres() is exported for benchmarks and other scripts.

import { execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  accessSync,
  chmodSync,
  chownSync,
  constants as fsConstants,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
} from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const TAG = '[with-postgres]'
const ENV_VAR = 'MALLKIT_TEST_DATABASE_URL'
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const PG_USER = 'postgres'

/** Finds a directory holding both initdb and pg_ctl: PATH first, then the newest Debian install. */
export function findPostgresBinDir() {
  const candidates = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)
  const debianRoot = '/usr/lib/postgresql'
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
    candidates.push(...versions.map((version) => path.join(debianRoot, version, 'bin')))
  }
  for (const dir of candidates) {
    const initdb = path.join(dir, 'initdb')
    const pgCtl = path.join(dir, 'pg_ctl')
    if (isExecutable(initdb) && isExecutable(pgCtl)) {
      // pg_ctl locates the postgres binary next to itself, so resolve symlinks such as
      // /usr/local/bin/pg_ctl -> /usr/lib/postgresql/15/bin/pg_ctl.
      return path.dirname(realpathSync(pgCtl))
    }
  }
  return undefined
}

function isExecutable(file) {
  try {
    accessSync(file, fsConstants.X_OK)
    return true
  } catch {
    return false
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Runs a command to completion, capturing its output; rejects with that output on failure. */
function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output)
      else {
        const how = signal ? `signal ${signal}` : `exit code ${code}`
        reject(new Error(`${[cmd, ...args].join(' ')} failed with ${how}\n${output.trim()}`))
      }
    })
  })
}

/**
 * Creates and starts a throwaway PostgreSQL cluster on 127.0.0.1 with trust auth.
 * Returns { url, port, dir, stop }; stop() is idempotent and also runs on process exit.
 */
export async function startThrowawayPostgres({ log = (msg) => console.error(msg) } = {}) {
  const binDir = findPostgresBinDir()
  if (!binDir) {
    throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found on PATH or /usr/lib/postgresql')
  }
  const started = Date.now()
  const asRoot = process.getuid?.() === 0
  let uid
  let gid
  if (asRoot) {
    try {
      uid = Number(execFileSync('id', ['-u', PG_USER], { encoding: 'utf8' }).trim())
      gid = Number(execFileSync('id', ['-g', PG_USER], { encoding: 'utf8' }).trim())
    } catch (error) {
      throw new Error(
        `running as root, but PostgreSQL refuses to run as root and there is no '${PG_USER}' ` +
          `user to run it as (installing the postgresql-15 package creates it)`,
        { cause: error },
      )
    }
  }

  const dir = mkdtempSync(path.join(os.tmpdir(), 'mallkit-pg-'))
  const dataDir = path.join(dir, 'data')
  const logFile = path.join(dir, 'postgres.log')
  const pgCtl = path.join(binDir, 'pg_ctl')
  // As root, run the PostgreSQL tools as the postgres user; cwd is the temp dir so they do not
  // complain about an unreadable current directory (such as /root).
  const pg = (tool, args) =>
    asRoot
      ? run('runuser', ['-u', PG_USER, '--', path.join(binDir, tool), ...args], { cwd: dir })
      : run(path.join(binDir, tool), args, { cwd: dir })

  let running = false
  let stopped = false
  const stopSync = () => {
    if (stopped) return
    stopped = true
    process.removeListener('exit', stopSync)
    if (running) {
      const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop']
      const result = asRoot
        ? spawnSync('runuser', ['-u', PG_USER, '--', pgCtl, ...args], { cwd: dir, stdio: 'pipe' })
        : spawnSync(pgCtl, args, { cwd: dir, stdio: 'pipe' })
      if (result.status !== 0) {
        log(`${TAG} pg_ctl stop failed: ${String(result.stderr ?? result.error ?? '').trim()}`)
      }
      running = false
    }
    rmSync(dir, { recursive: true, force: true })
  }
  // Safety net for library users that forget stop() or exit early.
  process.on('exit', stopSync)

  try {
    chmodSync(dir, 0o755)
    if (asRoot) chownSync(dir, uid, gid)
    await pg('initdb', [
      '-D',
      dataDir,
      '-U',
      PG_USER,
      '--auth=trust',
      '--locale=C.UTF-8',
      '-E',
      'UTF8',
      '--no-sync',
    ])

    // Another process may grab the port between freePort() and the server binding it: retry.
    let port
    for (let attempt = 1; ; attempt++) {
      port = await freePort()
      const options = [
        '-F',
        `-p ${port}`,
        `-k '${dir}'`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ')
      try {
        running = true
        await pg('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options, 'start'])
        break
      } catch (error) {
        const serverLog = existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''
        const portTaken = /could not bind|address already in use/i.test(serverLog)
        if (!portTaken || attempt >= 3) {
          throw new Error(`${error.message}\n--- server log ---\n${serverLog.trim()}`, {
            cause: error,
          })
        }
        log(`${TAG} port ${port} was taken, retrying`)
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    log(`${TAG} throwaway PostgreSQL (${binDir}) on 127.0.0.1:${port}, up in ${seconds}s`)
    return {
      url: `postgres://${PG_USER}@127.0.0.1:${port}/postgres`,
      port,
      dir,
      stop: async () => stopSync(),
    }
  } catch (error) {
    stopSync()
    throw error
  }
}

function exitCodeOf(code, signal) {
  if (code !== null) return code
  return 128 + (os.constants.signals[signal] ?? 1)
}

async function main(argv) {
  const [cmd, ...args] = argv
  if (!cmd) {
    console.error('usage: node core/scripts/with-postgres.mjs <command> [args...]')
    return 2
  }

  // Forward SIGINT/SIGTERM to the command and let cleanup run; a signal that arrives while the
  // cluster is starting makes us stop as soon as startup returns.
  let child
  let interrupted
  const onSignal = (signal) => {
    interrupted ??= signal
    if (child && child.exitCode === null) child.kill(signal)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  let db
  const env = { ...process.env }
  if (!env[ENV_VAR]) {
    if (!findPostgresBinDir()) {
      const message =
        `${TAG} PostgreSQL leg skipped: initdb/pg_ctl not found on PATH or in ` +
        `/usr/lib/postgresql/*/bin.\n${TAG} To run it, install PostgreSQL 15 ` +
        `(Debian: apt-get install postgresql-15) or set ${ENV_VAR} to a superuser URL ` +
        `such as postgres://postgres@127.0.0.1:5432/postgres.`
      console.error(message)
      if (process.env.CI === 'true') {
        console.error(`${TAG} CI=true: a skipped PostgreSQL leg is an error.`)
        return 1
      }
      return 0
    }
    try {
      db = await startThrowawayPostgres()
    } catch (error) {
      // A Ctrl-C during startup also interrupts initdb/pg_ctl: report the signal, not their error.
      if (interrupted) return exitCodeOf(null, interrupted)
      console.error(`${TAG} could not start PostgreSQL: ${error.message}`)
      return 1
    }
    env[ENV_VAR] = db.url
  }

  try {
    if (interrupted) return exitCodeOf(null, interrupted)
    const binDir = path.join(REPO_ROOT, 'node_modules', '.bin')
    env.PATH = [binDir, env.PATH].filter(Boolean).join(path.delimiter)
    return await new Promise((resolve) => {
      child = spawn(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' })
      child.on('error', (error) => {
        console.error(`${TAG} could not run ${cmd}: ${error.message}`)
        resolve(error.code === 'ENOENT' ? 127 : 1)
      })
      child.on('exit', (code, signal) => resolve(exitCodeOf(code, signal)))
    })
  } finally {
    await db?.stop()
  }
}

function isEntryPoint() {
  if (!process.argv[1]) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
  } catch {
    return false
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2))
}
