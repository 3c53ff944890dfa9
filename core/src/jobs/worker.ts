import type { Job } from '../db/schema.ts'
import { withSystemScope, withTenant } from '../db/tenant-scope.ts'
import { deliverEventHook, EVENT_HOOK_JOB, type EventHookJob } from '../events/bus.ts'
import { createMallContext } from '../mall-context.ts'
import type { CoreServices } from '../services.ts'
import { claimJobs, completeJob, enqueueJob, failJob } from './queue.ts'

export interface WorkerOptions {
  pollMs?: number
  batchSize?: number
  /** How long a claimed job is leased before another worker may take it over. */
  leaseMs?: number
}

/**
 * The durable job runner: claims due jobs with `FOR UPDATE SKIP LOCKED` (any number of processes
 * can run one), runs each in its mall's transaction together with marking it done, and on failure
 * schedules a retry with exponential backoff until its attempts are spent.
 */
export class Worker {
  readonly #services: CoreServices
  readonly #options: Required<WorkerOptions>
  #timer: NodeJS.Timeout | undefined
  #running: Promise<unknown> = Promise.resolve()
  #stopped = true

  constructor(services: CoreServices, options: WorkerOptions = {}) {
    this.#services = services
    this.#options = { pollMs: 1000, batchSize: 10, leaseMs: 5 * 60_000, ...options }
  }

  /** Claims and runs one batch of due jobs; returns how many ran (successfully or not). */
  async runOnce(): Promise<number> {
    const { db, clock } = this.#services
    const jobs = await withSystemScope(db, (tx) =>
      claimJobs(tx, clock.now(), this.#options.batchSize, this.#options.leaseMs),
    )
    for (const job of jobs) await this.#run(job)
    return jobs.length
  }

  /** Runs batches until no job is due (tests use this with a manual clock). */
  async drain(maxBatches = 100): Promise<void> {
    for (let i = 0; i < maxBatches; i++) if ((await this.runOnce()) === 0) return
  }

  /** Enqueues this period's run of every scheduled job, once per mall where its plugin is on. */
  async schedule(): Promise<void> {
    const { db, clock, plugins } = this.#services
    const scheduled = plugins.jobs().filter((job) => job.definition.schedule)
    if (scheduled.length === 0) return
    const tenants = await db
      .selectFrom('core__tenant')
      .select('id')
      .where('status', '=', 'active')
      .execute()
    const now = clock.now()
    for (const tenant of tenants) {
      await withTenant(db, tenant.id, async (tx) => {
        const enabled = new Set(
          (
            await tx
              .selectFrom('core__plugin_install')
              .select('plugin_id')
              .where('enabled', '=', true)
              .execute()
          ).map((r) => r.plugin_id),
        )
        for (const job of scheduled) {
          if (job.pluginId && !enabled.has(job.pluginId)) continue
          const everyMs = (job.definition.schedule?.everyMinutes ?? 60) * 60_000
          const slot = Math.floor(now.getTime() / everyMs)
          await enqueueJob(tx, {
            kind: job.kind,
            tenantId: tenant.id,
            payload: { slot },
            runAt: now,
            dedupKey: `schedule:${job.kind}:${tenant.id}:${slot}`,
            maxAttempts: job.definition.maxAttempts,
          })
        }
      })
    }
  }

  start(): void {
    this.#stopped = false
    const tick = async () => {
      if (this.#stopped) return
      this.#running = this.schedule()
        .then(() => this.drain(10))
        .catch((error) => this.#services.log.error({ err: error }, 'job worker tick failed'))
      await this.#running
      if (!this.#stopped) this.#timer = setTimeout(tick, this.#options.pollMs)
    }
    this.#timer = setTimeout(tick, 0)
  }

  /** Stops polling and waits for the batch in progress. */
  async stop(): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    await this.#running
  }

  async #run(job: Job): Promise<void> {
    const { db, clock, log } = this.#services
    try {
      if (!job.tenant_id)
        throw new Error(`Job ${job.kind} has no mall; platform jobs are not supported yet`)
      await withTenant(db, job.tenant_id, async (tx) => {
        const tenant = await tx
          .selectFrom('core__tenant')
          .selectAll()
          .where('id', '=', job.tenant_id)
          .executeTakeFirstOrThrow()
        const ctx = createMallContext(this.#services, tx, {
          tenant,
          actor: { kind: 'system' },
          log: log.child({ job: job.id, kind: job.kind }),
        })
        await this.#dispatch(ctx, job)
        await completeJob(tx, job.id, clock.now())
      })
    } catch (error) {
      log.warn({ err: error, job: job.id, kind: job.kind, attempt: job.attempts }, 'job failed')
      await withSystemScope(db, (tx) => failJob(tx, job, error, clock.now()))
    }
  }

  async #dispatch(ctx: ReturnType<typeof createMallContext>, job: Job): Promise<void> {
    if (job.kind === EVENT_HOOK_JOB)
      return deliverEventHook(this.#services, ctx, job.payload as EventHookJob)
    const registered = this.#services.plugins.job(job.kind)
    if (!registered) throw new Error(`No handler for job kind ${job.kind}`)
    if (registered.pluginId && !(await ctx.isEnabled(registered.pluginId))) return
    await registered.definition.handle(ctx, job.payload)
  }
}
