// s3rver ships no types; this is the part of its API the storage tests use.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net'

  /** Options of an in-process S3 server (see s3rver's README). */
  export interface S3rverOptions {
    address?: string
    port?: number
    silent?: boolean
    directory?: string
    resetOnClose?: boolean
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[]
  }

  /** A local S3-compatible server for tests. */
  export default class S3rver {
    constructor(options?: S3rverOptions)
    run(): Promise<AddressInfo>
    close(): Promise<void>
  }
}
