import type { Logger } from 'pino'
import type { z } from 'zod'
import type { Tenant } from './db/schema.ts'
import type { TenantTx } from './db/tenant-scope.ts'
import type { EventName, MallEvents } from './events/events.ts'
import type { StaffRole } from './db/schema.ts'
import type { SegmentDirectory } from './plugins/segments.ts'

/** Who is acting: staff with a role in this mall, a customer, the system, or nobody yet. */
export type Actor =
  | {
      kind: 'staff'
      id: string
      role: StaffRole
      permissions: ReadonlySet<string>
      via: 'member' | 'agency'
    }
  | { kind: 'customer'; id: string }
  | { kind: 'system' }
  | { kind: 'anonymous' }

export interface EnqueueOptions {
  runAt?: Date
  /** A second enqueue with the same key is ignored (the job already exists). */
  dedupKey?: string
  maxAttempts?: number
}

/**
 * The context every service, hook and job takes first: one mall, one actor, one transaction.
 * Everything done through it commits or rolls back together.
 */
export interface MallContext {
  readonly tenant: Tenant
  readonly actor: Actor
  /** The tenant-scoped transaction; row-level security limits it to this mall. */
  readonly db: TenantTx
  readonly log: Logger
  readonly requestId: string | undefined
  readonly ip: string | undefined
  now(): Date
  /** Whether the actor holds `permission` in this mall. */
  can(permission: string): boolean
  /** Throws 403 `forbidden` unless the actor holds `permission`. */
  require(permission: string): void
  /** Runs inline hooks now (they may abort the transaction) and queues afterCommit hooks. */
  emit<N extends EventName>(name: N, payload: MallEvents[N]): Promise<void>
  /** Queues a job of `kind` for this mall, committed with the transaction. */
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): Promise<void>
  /** Whether plugin `pluginId` is enabled for this mall. */
  isEnabled(pluginId: string): Promise<boolean>
  /**
   * A plugin's settings for this mall, parsed by its manifest (defaults when never saved, or when
   * saved under an older schema that no longer parses).
   *
   * @example const { spinsPerDay } = await ctx.settingsOf(manifest)
   */
  settingsOf<M extends { id: string; settings: z.ZodType }>(
    manifest: M,
  ): Promise<z.infer<M['settings']>>
  /**
   * The customer segments of the plugins enabled for this mall (membership tiers, …): list them,
   * ask whether a customer is in one.
   *
   * @example if (await ctx.segments.includes('membership:tier:gold', customerId)) …
   */
  readonly segments: SegmentDirectory
  /** Appends to the mall's audit log. */
  audit(action: string, target?: string | null, data?: Record<string, unknown>): Promise<void>
}
