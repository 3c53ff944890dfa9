import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, Job } from '../db/schema.ts'

export interface NewJob {
  kind: string
  tenantId: string | null
  payload: unknown
  runAt?: Date | undefined
  dedupKey?: string | undefined
  maxAttempts?: number | undefined
}

/**
 * Queues a job inside the caller's transaction: it becomes visible to the worker only when that
 * transaction commits (the transactional outbox). A repeated `dedupKey` is a no-op.
 */
export async function enqueueJob(db: Kysely<Database> | Transaction<Database>, job: NewJob) {
  await db
    .insertInto('core__job')
    .values({
      kind: job.kind,
      tenant_id: job.tenantId,
      payload: JSON.stringify(job.payload ?? {}),
      ...(job.runAt ? { run_at: job.runAt } : {}),
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
      dedup_key: job.dedupKey ?? null,
    })
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .execute()
}

/**
 * Claims up to `limit` due jobs (pending, or running with an expired lease) with
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers never take the same job. Call inside the
 * system scope.
 */
export async function claimJobs(
  tx: Transaction<Database>,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<Job[]> {
  const due = await tx
    .selectFrom('core__job')
    .select('id')
    .where('run_at', '<=', now)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
  if (due.length === 0) return []
  return tx
    .updateTable('core__job')
    .set({
      status: 'running',
      attempts: sql`attempts + 1`,
      locked_until: new Date(now.getTime() + leaseMs),
    })
    .where(
      'id',
      'in',
      due.map((job) => job.id),
    )
    .returningAll()
    .execute()
}

/** Marks a claimed job done. */
export async function completeJob(tx: Transaction<Database>, id: string, now: Date) {
  await tx
    .updateTable('core__job')
    .set({ status: 'done', finished_at: now, locked_until: null })
    .where('id', '=', id)
    .execute()
}

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at one hour. */
export function backoffMs(attempts: number, random = Math.random()): number {
  const base = Math.min(2 ** attempts * 1000, 3_600_000)
  return Math.round(base * (0.75 + random * 0.5))
}

/** Records a failure: retried after a backoff, or dead once its attempts are spent. */
export async function failJob(tx: Transaction<Database>, job: Job, error: unknown, now: Date) {
  const dead = job.attempts >= job.max_attempts
  await tx
    .updateTable('core__job')
    .set({
      status: dead ? 'dead' : 'pending',
      run_at: dead ? job.run_at : new Date(now.getTime() + backoffMs(job.attempts)),
      last_error: String(error instanceof Error ? (error.stack ?? error.message) : error).slice(
        0,
        4000,
      ),
      locked_until: null,
      finished_at: dead ? now : null,
    })
    .where('id', '=', job.id)
    .execute()
}
