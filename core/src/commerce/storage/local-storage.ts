import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import type { Storage, StoredObject } from './storage.ts'
import { mediaPath, STORAGE_KEY } from './storage.ts'

/** Media in a local folder (`${MALLKIT_DATA_DIR}/media/<tenantId>/…`), for one machine. */
export class LocalStorage implements Storage {
  constructor(readonly root: string) {}

  private path(key: string): string {
    // Keys come from our own code, but the file route passes URL text through here too.
    if (!STORAGE_KEY.test(key)) throw new Error(`Not a storage key: ${key}`)
    return join(this.root, ...key.split('/'))
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.path(key)
    await mkdir(dirname(path), { recursive: true })
    // Write then rename, so a reader never sees half a file.
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
    await writeFile(temporary, data)
    await rename(temporary, path)
  }

  async get(key: string): Promise<StoredObject | undefined> {
    if (!STORAGE_KEY.test(key)) return undefined
    const path = this.path(key)
    const info = await stat(path).catch(() => undefined)
    if (!info?.isFile()) return undefined
    const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>
    return { stream, bytes: info.size }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true })
  }

  publicPath(key: string): string {
    return mediaPath(key)
  }
}
