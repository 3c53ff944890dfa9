import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * `pnpm bench <name>`: runs `bench/<name>.ts`, whose default export is `async () => string`, and
 * prints the one summary line it returns. Progress goes to stderr, so stdout is that line alone.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...extra] = argv
  if (!name || extra.length || !/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    process.stderr.write('usage: pnpm bench <name>   (runs bench/<name>.ts)\n')
    return 2
  }
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), `${name}.ts`)
  if (!existsSync(file)) {
    process.stderr.write(`no benchmark bench/${name}.ts\n`)
    return 2
  }
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown }
  if (typeof module.default !== 'function') {
    process.stderr.write(`bench/${name}.ts has no default export () => Promise<string>\n`)
    return 2
  }
  const line: unknown = await (module.default as () => Promise<unknown>)()
  if (typeof line !== 'string') throw new Error(`bench/${name}.ts returned no summary line`)
  process.stdout.write(`${line}\n`)
  return 0
}

main(process.argv.slice(2)).then(
  // Exit explicitly: a pool or timer left open by a benchmark must not keep the run alive.
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
