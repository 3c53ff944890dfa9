import { describe, expect, it } from 'vitest'
import { loadConfig } from './env.ts'

describe('loadConfig storage', () => {
  it('defaults to local storage and the us-east-1 region', () => {
    const config = loadConfig({})
    expect(config.MALLKIT_STORAGE).toBe('local')
    expect(config.MALLKIT_S3_REGION).toBe('us-east-1')
    expect(config.MALLKIT_S3_FORCE_PATH_STYLE).toBe(false)
  })

  it('refuses s3 without a bucket, naming MALLKIT_S3_BUCKET', () => {
    expect(() => loadConfig({ MALLKIT_STORAGE: 's3' })).toThrow(/MALLKIT_S3_BUCKET: required/)
  })

  it('refuses one static S3 key without the other, naming the missing one', () => {
    expect(() =>
      loadConfig({ MALLKIT_STORAGE: 's3', MALLKIT_S3_BUCKET: 'b', MALLKIT_S3_ACCESS_KEY_ID: 'k' }),
    ).toThrow(/MALLKIT_S3_SECRET_ACCESS_KEY: set both/)
  })

  it('accepts an S3-compatible endpoint with path-style addressing', () => {
    const config = loadConfig({
      MALLKIT_STORAGE: 's3',
      MALLKIT_S3_BUCKET: 'media',
      MALLKIT_S3_ENDPOINT: 'http://minio:9000',
      MALLKIT_S3_FORCE_PATH_STYLE: 'true',
    })
    expect(config).toMatchObject({
      MALLKIT_STORAGE: 's3',
      MALLKIT_S3_BUCKET: 'media',
      MALLKIT_S3_ENDPOINT: 'http://minio:9000',
      MALLKIT_S3_FORCE_PATH_STYLE: true,
    })
  })

  it('refuses an endpoint that is not a URL', () => {
    expect(() =>
      loadConfig({ MALLKIT_STORAGE: 's3', MALLKIT_S3_BUCKET: 'b', MALLKIT_S3_ENDPOINT: 'minio' }),
    ).toThrow(/MALLKIT_S3_ENDPOINT/)
  })
})
