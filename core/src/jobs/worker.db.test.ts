import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestMall } from '../../test/app.ts'
import { createFixtureCore, setPlugin, type FixtureCore } from '../../test/fixtures/fixture-core.ts'
import { withSystemScope } from '../db/tenant-scope.ts'
import { deliverEventHook, EVENT_HOOK_JOB, type EventHookJob } from '../events/bus.ts'
import { runInMall } from '../mall-context.ts'
import { claimJobs } from './queue.ts'
import { Worker } from './worker.ts'

const STAMPS = 'fixture-stamps'
const TALLY = 'fixture-stamps:tally'
const HOUR = 60 * 60_000

let core: FixtureCore

beforeAll(async () => {
  core = await createFixtureCore()
})
afterAll(() => core?.close())

beforeEach(async () => {
  core.fixtures.faults.notifyFailures = 0
  core.fixtures.faults.tallyFailures = 0
  // Every test starts with nothing due, so what runs is what the test queued.
  await core.worker.drain()
})

async function mallWithStamps(slug: string) {
  const { mall, owner } = await core.mallWithOwner(slug)
  await setPlugin(owner, mall, STAMPS, { enabled: true })
  return { mall, owner }
}

/** Grants a stamp over HTTP, which queues the `notify` afterCommit hook. */
async function stamp(mall: TestMall, customer = 'ann') {
  const owner = core.client()
  await owner.loginStaff(mall.ownerEmail)
  const response = await owner.post(`/s/${mall.slug}/api/admin/p/${STAMPS}/stamps`, { customer })
  expect(response.status).toBe(201)
}

async function onlyJob(mall: TestMall, kind: string) {
  const jobs = await core.jobs(mall, kind)
  expect(jobs).toHaveLength(1)
  return jobs[0]!
}

async function asSystem<T>(mall: TestMall, work: Parameters<typeof runInMall<T>>[2]) {
  return runInMall(
    core.services,
    { tenant: await core.tenant(mall), actor: { kind: 'system' } },
    work,
  )
}

const runsOf = (entry: string) => core.fixtures.trace.filter((line) => line === entry).length

describe('Worker', () => {
  it('retries a failed afterCommit hook after its backoff, and applies it once', async () => {
    const { mall } = await mallWithStamps('retry')
    core.fixtures.faults.notifyFailures = 1
    await stamp(mall)
    const failedAt = core.clock.now()

    expect(await core.worker.runOnce()).toBe(1)
    const failed = await onlyJob(mall, EVENT_HOOK_JOB)
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, finished_at: null })
    expect(failed.last_error).toContain('notify failed on purpose')
    // The first backoff is 2 s with ±25 % jitter.
    const backoff = failed.run_at.getTime() - failedAt.getTime()
    expect(backoff).toBeGreaterThanOrEqual(1500)
    expect(backoff).toBeLessThanOrEqual(2500)
    // The failed attempt's write went with its transaction.
    expect(await core.rows(mall, 'fixture_stamps__notice')).toEqual([])

    core.clock.advance(1499)
    expect(await core.worker.runOnce()).toBe(0)
    expect(await onlyJob(mall, EVENT_HOOK_JOB)).toMatchObject({ status: 'pending', attempts: 1 })

    core.clock.advance(1001)
    expect(await core.worker.runOnce()).toBe(1)
    expect(await onlyJob(mall, EVENT_HOOK_JOB)).toMatchObject({ status: 'done', attempts: 2 })
    expect(await core.rows(mall, 'fixture_stamps__notice')).toHaveLength(1)
  })

  it('applies a redelivered hook job only once', async () => {
    const { mall } = await mallWithStamps('redelivered')
    await stamp(mall)
    await core.worker.drain()
    const job = await onlyJob(mall, EVENT_HOOK_JOB)
    expect(job.status).toBe('done')
    const runs = runsOf('fixture-stamps:notify')

    // The queue hands the same job out again, as after a lost acknowledgement.
    await withSystemScope(core.services.db, (tx) =>
      tx
        .updateTable('core__job')
        .set({ status: 'pending', finished_at: null, run_at: core.clock.now() })
        .where('id', '=', job.id)
        .execute(),
    )
    expect(await core.worker.runOnce()).toBe(1)
    expect(await onlyJob(mall, EVENT_HOOK_JOB)).toMatchObject({ status: 'done', attempts: 2 })
    expect(runsOf('fixture-stamps:notify')).toBe(runs)
    expect(await core.rows(mall, 'fixture_stamps__notice')).toHaveLength(1)
  })

  it('applies one event delivered to the same hook twice at once only once', async () => {
    const { mall } = await mallWithStamps('delivered-twice')
    await stamp(mall)
    const delivery = (await onlyJob(mall, EVENT_HOOK_JOB)).payload as EventHookJob
    const runs = runsOf('fixture-stamps:notify')

    await Promise.all(
      [1, 2].map(() => asSystem(mall, (ctx) => deliverEventHook(core.services, ctx, delivery))),
    )
    await asSystem(mall, (ctx) => deliverEventHook(core.services, ctx, delivery))
    await core.worker.drain()

    expect(runsOf('fixture-stamps:notify')).toBe(runs + 1)
    expect(await core.rows(mall, 'fixture_stamps__notice')).toMatchObject([
      { event_id: delivery.event.id },
    ])
    expect(await onlyJob(mall, EVENT_HOOK_JOB)).toMatchObject({ status: 'done' })
  })

  it('marks a job dead once the attempts its kind declares are spent', async () => {
    const { mall } = await mallWithStamps('doomed')
    core.fixtures.faults.tallyFailures = Infinity
    await asSystem(mall, (ctx) => ctx.enqueue(TALLY, { key: 'doomed' }))
    expect(await onlyJob(mall, TALLY)).toMatchObject({ max_attempts: 3, status: 'pending' })

    for (let round = 0; round < 5; round++) {
      await core.worker.drain()
      core.clock.advance(HOUR)
    }
    const dead = await onlyJob(mall, TALLY)
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, locked_until: null })
    expect(dead.finished_at).toBeInstanceOf(Date)
    expect(dead.last_error).toContain('tally doomed failed on purpose')
    expect(runsOf('fixture-stamps:tally:doomed')).toBe(3)
    expect(await core.rows(mall, 'fixture_stamps__tally')).toEqual([])
  })

  it('lets the caller of enqueue set fewer attempts than the kind declares', async () => {
    const { mall } = await mallWithStamps('one-shot')
    core.fixtures.faults.tallyFailures = Infinity
    await asSystem(mall, (ctx) => ctx.enqueue(TALLY, { key: 'one-shot' }, { maxAttempts: 1 }))
    await core.worker.drain()
    core.clock.advance(HOUR)
    await core.worker.drain()
    expect(await onlyJob(mall, TALLY)).toMatchObject({ status: 'dead', attempts: 1 })
    expect(runsOf('fixture-stamps:tally:one-shot')).toBe(1)
  })

  it('takes over a job whose worker stopped before finishing, once its lease runs out', async () => {
    const { mall } = await mallWithStamps('orphan')
    await asSystem(mall, (ctx) => ctx.enqueue(TALLY, { key: 'orphan' }))
    // Another worker claims the job with a one-minute lease and is never heard of again.
    const claimed = await withSystemScope(core.services.db, (tx) =>
      claimJobs(tx, core.clock.now(), 10, 60_000),
    )
    expect(claimed.map((job) => job.kind)).toEqual([TALLY])

    expect(await core.worker.runOnce()).toBe(0)
    core.clock.advance(59_000)
    expect(await core.worker.runOnce()).toBe(0)
    core.clock.advance(1_001)
    expect(await core.worker.runOnce()).toBe(1)
    expect(await onlyJob(mall, TALLY)).toMatchObject({ status: 'done', attempts: 2 })
    expect(await core.rows(mall, 'fixture_stamps__tally')).toMatchObject([{ key: 'orphan' }])
  })

  it('never runs one job twice when workers claim at the same time', async () => {
    const { mall } = await mallWithStamps('crowd')
    const keys = Array.from({ length: 45 }, (_, i) => `job-${String(i).padStart(2, '0')}`)
    await asSystem(mall, async (ctx) => {
      for (const key of keys) await ctx.enqueue(TALLY, { key })
    })

    const workers = [1, 2, 3].map(() => new Worker(core.services, { batchSize: 3 }))
    const claimedBy = await Promise.all(
      workers.map(async (worker) => {
        let claimed = 0
        for (let ran = await worker.runOnce(); ran > 0; ran = await worker.runOnce()) claimed += ran
        return claimed
      }),
    )

    expect(claimedBy.reduce((sum, claimed) => sum + claimed, 0)).toBe(keys.length)
    expect(claimedBy.filter((claimed) => claimed > 0).length).toBeGreaterThan(1)
    const tallies = await core.rows(mall, 'fixture_stamps__tally')
    expect(tallies.map((row) => row.key).sort()).toEqual(keys)
    const jobs = await core.jobs(mall, TALLY)
    expect(jobs.map((job) => [job.status, job.attempts])).toEqual(keys.map(() => ['done', 1]))
  })

  it('queues a scheduled job once per period, in each mall where its plugin is on', async () => {
    const { mall: on } = await mallWithStamps('scheduled-on')
    const { mall: off } = await core.mallWithOwner('scheduled-off')
    // Back to the wall time, as at boot: the database's own clock is then a little ahead.
    core.clock.set(new Date())

    await core.worker.schedule()
    await core.worker.schedule()
    expect(await core.jobs(on, 'fixture-stamps:sweep')).toHaveLength(1)
    await core.worker.drain()
    expect(runsOf('fixture-stamps:sweep:scheduled-on')).toBe(1)

    core.clock.advance(HOUR)
    await core.worker.schedule()
    await core.worker.drain()
    const sweeps = await core.jobs(on, 'fixture-stamps:sweep')
    expect(sweeps.map((job) => job.status)).toEqual(['done', 'done'])
    expect(runsOf('fixture-stamps:sweep:scheduled-on')).toBe(2)
    expect(await core.jobs(off, 'fixture-stamps:sweep')).toEqual([])
  })
})
