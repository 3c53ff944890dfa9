import { resolve } from 'node:path'
import type { Config } from '../../config/env.ts'
import { LocalStorage } from './local-storage.ts'
import { createS3Client, S3Storage, type S3Config } from './s3-storage.ts'

/** The part of the configuration that picks and builds the storage. */
export type StorageConfig = Pick<Config, 'MALLKIT_DATA_DIR' | 'MALLKIT_STORAGE'> & S3Config

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
  delete(key: string): Promise<void>
  /** The path the object is served at on its mall's host: `mediaPath(key)`. */
  publicPath(key: string): string
}

/**
 * The path a stored object is served at on its mall's host: `/media/<mediaId>/<name>.<ext>`. The
 * key's mall segment is left out, as the host (or the `/s/<slug>` prefix) already names the mall:
 * a product grid shows dozens of these, and the id is 37 characters of each.
 * Paths written before, `/media/<key>`, are still served (`file-routes.ts`).
 */
export function mediaPath(key: string): string {
  return `/media/${key.slice(key.indexOf('/') + 1)}`
}

/** What a storage key looks like: mall, media id, variant name and extension. No traversal. */
export const STORAGE_KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[a-z0-9]{1,20}\.(jpg|png|webp|gif|avif)$/

const cache = new Map<string, Storage>()

/**
 * The storage this process is configured for (`MALLKIT_STORAGE`): one instance per folder or per
 * bucket and service, shared by every router.
 */
export function storageFor(config: StorageConfig): Storage {
  const id =
    config.MALLKIT_STORAGE === 's3'
      ? JSON.stringify([
          's3',
          config.MALLKIT_S3_ENDPOINT,
          config.MALLKIT_S3_REGION,
          config.MALLKIT_S3_BUCKET,
        ])
      : resolve(config.MALLKIT_DATA_DIR, 'media')
  let storage = cache.get(id)
  if (!storage) {
    storage = config.MALLKIT_STORAGE === 's3' ? s3Storage(config) : new LocalStorage(id)
    cache.set(id, storage)
  }
  return storage
}

function s3Storage(config: StorageConfig): S3Storage {
  // The configuration schema already refuses `s3` without a bucket; this guards direct callers.
  if (!config.MALLKIT_S3_BUCKET)
    throw new Error('MALLKIT_S3_BUCKET: required when MALLKIT_STORAGE=s3')
  return new S3Storage(createS3Client(config), config.MALLKIT_S3_BUCKET)
}
