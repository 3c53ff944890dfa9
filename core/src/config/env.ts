import { z } from 'zod'

const boolish = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/** The process configuration, parsed once from the environment at boot. */
export const Config = z.object({
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
   * Where uploads live: `local` keeps them under `${MALLKIT_DATA_DIR}/media`. An S3-compatible
   * adapter fits the same `Storage` interface but is not built yet, so it is not accepted here.
   */
  MALLKIT_STORAGE: z.enum(['local']).default('local'),
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
  /** How long to wait for in-flight requests on SIGTERM before closing anyway. */
  MALLKIT_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(25_000),
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
