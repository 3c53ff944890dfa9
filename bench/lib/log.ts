/** Progress for the person running a benchmark: stderr, so stdout holds only the summary line. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`)
}
