import { resolve } from 'node:path'
import type { Config } from '../../config/env.ts'
import { LocalStorage } from './local-storage.ts'

/** A stored object read back: its bytes as a stream and its size. */
export interface StoredObject {
  stream: ReadableStream<Uint8Array>
  bytes: number
}

/**
 * Where media bytes live. Keys are `<tenantId>/<mediaId>/<name>.<ext>`: the first segment is the
 * owning mall, which is how the file route refuses another mall's key. Adapters (local folder,
 * S3-compatible) implement exactly this; nothing else in the core touches files.
 */
export interface Storage {
  put(key: string, data: Buffer, contentType: string): Promise<void>
  /** The object, or undefined when there is none under `key`. */
  get(key: string): Promise<StoredObject | undefined>
  getBuffer(key: string): Promise<Buffer | undefined>
  delete(key: string): Promise<void>
  /** The path the object is served at on its mall's host (`/media/<key>`). */
  publicPath(key: string): string
}

/** What a storage key looks like: mall, media id, variant name and extension. No traversal. */
export const STORAGE_KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[a-z0-9]{1,20}\.(jpg|png|webp|gif|avif)$/

const cache = new Map<string, Storage>()

/** The storage this process is configured for (`MALLKIT_STORAGE`), one instance per folder. */
export function storageFor(config: Pick<Config, 'MALLKIT_DATA_DIR' | 'MALLKIT_STORAGE'>): Storage {
  const root = resolve(config.MALLKIT_DATA_DIR, 'media')
  let storage = cache.get(root)
  if (!storage) {
    storage = new LocalStorage(root)
    cache.set(root, storage)
  }
  return storage
}
