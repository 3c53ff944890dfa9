import { z } from 'zod'

const boolish = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

const ConfigFields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  DATABASE_URL: z.string().url().optional(),
  /** Owner role used for migrations; defaults to DATABASE_URL. */
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MALLKIT_DATA_DIR: z.string().default('./.data'),
  /**
   * Where uploads live: `local` keeps them under `${MALLKIT_DATA_DIR}/media`, `s3` in the bucket
   * `MALLKIT_S3_BUCKET` of any S3-compatible service (AWS, MinIO, R2, OSS).
   */
  MALLKIT_STORAGE: z.enum(['local', 's3']).default('local'),
  /** The bucket media goes to when `MALLKIT_STORAGE=s3` (required then). */
  MALLKIT_S3_BUCKET: z.string().min(1).optional(),
  MALLKIT_S3_REGION: z.string().min(1).default('us-east-1'),
  /** The service's URL when it is not AWS (MinIO, R2, OSS); unset means AWS for the region. */
  MALLKIT_S3_ENDPOINT: z.string().url().optional(),
  /** Addresses the bucket as `<endpoint>/<bucket>` rather than `<bucket>.<endpoint>` (MinIO). */
  MALLKIT_S3_FORCE_PATH_STYLE: boolish.default(false),
  /** Static credentials; unset means the SDK's default chain (environment, profile, IAM role). */
  MALLKIT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  MALLKIT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Largest accepted upload, in bytes (10 MB). */
  MALLKIT_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Tenants are reachable at `{slug}.{MALLKIT_BASE_DOMAIN}`. */
  MALLKIT_BASE_DOMAIN: z.string().default('localhost'),
  /** Public origin of the platform host, used in printed URLs and CSRF checks. */
  MALLKIT_PUBLIC_URL: z.string().url().optional(),
  /** Seeds the demo mall on first start; defaults to on for the embedded database only. */
  MALLKIT_SEED_DEMO: boolish.optional(),
  /** Cookies get `Secure` and the `__Host-` prefix; defaults to on in production. */
  MALLKIT_SECURE_COOKIES: boolish.optional(),
  /** Runs the background job worker in this process. */
  MALLKIT_WORKER: boolish.default(true),
  /**
   * In-memory read caches: host → mall, anonymous catalog reads, storefront HTML. Kept coherent
   * across processes by LISTEN/NOTIFY (docs/architecture.md, Caching); `false` turns them off.
   */
  MALLKIT_CACHE: boolish.default(true),
  /** Memory for cached storefront documents and catalog answers, per process, in MB. */
  MALLKIT_CACHE_MAX_MB: z.coerce.number().int().min(1).max(65536).default(64),
  /** Most cached storefront documents and catalog answers per process. */
  MALLKIT_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(5000),
  /**
   * Longest a cached answer is served. It bounds what no notification announces: exact stock
   * counts that stay above zero, sales counts.
   */
  MALLKIT_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  /** How long to wait for in-flight requests on SIGTERM before closing anyway. */
  MALLKIT_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(25_000),
})

/** The process configuration, parsed once from the environment at boot. */
export const Config = ConfigFields.superRefine((config, issues) => {
  if (config.MALLKIT_STORAGE === 's3' && !config.MALLKIT_S3_BUCKET)
    issues.addIssue({
      code: 'custom',
      path: ['MALLKIT_S3_BUCKET'],
      message: 'required when MALLKIT_STORAGE=s3',
    })
  // One key without the other would silently fall back to the default chain: refuse instead.
  if (!config.MALLKIT_S3_ACCESS_KEY_ID !== !config.MALLKIT_S3_SECRET_ACCESS_KEY)
    issues.addIssue({
      code: 'custom',
      path: [
        config.MALLKIT_S3_ACCESS_KEY_ID
          ? 'MALLKIT_S3_SECRET_ACCESS_KEY'
          : 'MALLKIT_S3_ACCESS_KEY_ID',
      ],
      message: 'set both MALLKIT_S3_ACCESS_KEY_ID and MALLKIT_S3_SECRET_ACCESS_KEY, or neither',
    })
})
export type Config = z.infer<typeof Config>

/** Parses the environment; throws a readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return parsed.data
}

/** Whether cookies must be `Secure` and `__Host-` prefixed. */
export function secureCookies(config: Config): boolean {
  return config.MALLKIT_SECURE_COOKIES ?? config.NODE_ENV === 'production'
}

/** Whether `pnpm start` seeds the demo mall (on by default only on the embedded database). */
export function seedsDemo(config: Config): boolean {
  return config.MALLKIT_SEED_DEMO ?? !config.DATABASE_URL
}
