import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import type { Config } from '../../config/env.ts'
import type { Storage, StoredObject } from './storage.ts'
import { mediaPath, STORAGE_KEY } from './storage.ts'

/** The part of the configuration an S3 storage is built from. */
export type S3Config = Pick<
  Config,
  | 'MALLKIT_S3_BUCKET'
  | 'MALLKIT_S3_REGION'
  | 'MALLKIT_S3_ENDPOINT'
  | 'MALLKIT_S3_FORCE_PATH_STYLE'
  | 'MALLKIT_S3_ACCESS_KEY_ID'
  | 'MALLKIT_S3_SECRET_ACCESS_KEY'
>

/** An S3 client for the configured service: AWS by default, any S3-compatible one by endpoint. */
export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.MALLKIT_S3_REGION,
    forcePathStyle: config.MALLKIT_S3_FORCE_PATH_STYLE,
    ...(config.MALLKIT_S3_ENDPOINT ? { endpoint: config.MALLKIT_S3_ENDPOINT } : {}),
    ...(config.MALLKIT_S3_ACCESS_KEY_ID && config.MALLKIT_S3_SECRET_ACCESS_KEY
      ? {
          credentials: {
            accessKeyId: config.MALLKIT_S3_ACCESS_KEY_ID,
            secretAccessKey: config.MALLKIT_S3_SECRET_ACCESS_KEY,
          },
        }
      : {}),
    // The SDK's newer default checksums are refused by several S3-compatible services (R2, OSS,
    // older MinIO); send and check them only where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
}

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404

/**
 * Media in an S3-compatible bucket, under the same keys as on disk (`<tenantId>/…`), so a mall's
 * files share its id as prefix. Objects are private: they are served through `/media/…`, which
 * checks the mall, not by the bucket.
 */
export class S3Storage implements Storage {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
  ) {}

  private key(key: string): string {
    // Keys come from our own code, but the file route passes URL text through here too.
    if (!STORAGE_KEY.test(key)) throw new Error(`Not a storage key: ${key}`)
    return key
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(key),
        Body: data,
        ContentType: contentType,
      }),
    )
  }

  async get(key: string): Promise<StoredObject | undefined> {
    if (!STORAGE_KEY.test(key)) return undefined
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      if (!object.Body || object.ContentLength === undefined) return undefined
      return { stream: object.Body.transformToWebStream(), bytes: object.ContentLength }
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing key with success, like `rm --force`.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(key) }))
  }

  publicPath(key: string): string {
    return mediaPath(key)
  }
}
