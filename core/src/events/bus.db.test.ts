import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestClient, TestMall } from '../../test/app.ts'
import { createFixtureCore, setPlugin, type FixtureCore } from '../../test/fixtures/fixture-core.ts'
import { runInMall } from '../mall-context.ts'
import { EVENT_HOOK_JOB, type EventHookJob } from './bus.ts'

const STAMPS = 'fixture-stamps'
const BADGES = 'fixture-badges'

let core: FixtureCore

beforeAll(async () => {
  core = await createFixtureCore()
})
afterAll(() => core?.close())

/** A mall with both fixture plugins on; `stampsPerCard` sizes the card the inline hook guards. */
async function mallWithPlugins(slug: string, stampsPerCard = 10) {
  const { mall, owner } = await core.mallWithOwner(slug)
  await setPlugin(owner, mall, STAMPS, { enabled: true, settings: { stampsPerCard } })
  await setPlugin(owner, mall, BADGES, { enabled: true })
  return { mall, owner }
}

const stamp = (owner: TestClient, mall: TestMall, customer: string) =>
  owner.post(`/s/${mall.slug}/api/admin/p/${STAMPS}/stamps`, { customer })

/** The event-hook deliveries queued for the mall, as `{ hook, customer }`. */
async function deliveries(mall: TestMall) {
  const jobs = await core.jobs(mall, EVENT_HOOK_JOB)
  return jobs.map((job) => {
    const { hook, event } = job.payload as EventHookJob
    return { hook, customer: (event.payload as { customer?: string }).customer }
  })
}

/** Runs `work` as the system in the mall, the way services emit outside a request. */
async function asSystem(mall: TestMall, work: Parameters<typeof runInMall>[2]) {
  return runInMall(
    core.services,
    { tenant: await core.tenant(mall), actor: { kind: 'system' } },
    work,
  )
}

describe('emitEvent', () => {
  it('runs inline hooks in dependency order inside the emitting transaction', async () => {
    const { mall, owner } = await mallWithPlugins('inline-order')
    const before = core.fixtures.trace.length
    expect((await stamp(owner, mall, 'ann')).status).toBe(201)
    // fixture-badges is installed first, but it depends on fixture-stamps, so it runs second.
    expect(core.fixtures.trace.slice(before)).toEqual([
      'fixture-stamps:card-limit',
      'fixture-badges:progress',
    ])
    expect(await core.rows(mall, 'fixture_badges__progress')).toEqual([
      { tenant_id: mall.id, customer: 'ann', stamps: 1 },
    ])
  })

  it('queues each afterCommit hook once, with the transaction that emitted', async () => {
    const { mall, owner } = await mallWithPlugins('outbox')
    expect((await stamp(owner, mall, 'ann')).status).toBe(201)
    expect(await deliveries(mall)).toEqual([{ hook: `${STAMPS}:notify`, customer: 'ann' }])
    const [job] = await core.jobs(mall, EVENT_HOOK_JOB)
    const { event } = job?.payload as EventHookJob
    expect(job?.dedup_key).toBe(`event:${event.id}:${STAMPS}:notify`)
    expect(event).toMatchObject({ name: 'fixture-stamps.stamped', tenantId: mall.id })
    expect(event.actor.kind).toBe('staff')
    expect(await core.rows(mall, 'fixture_stamps__notice')).toEqual([])
  })

  it('rolls back the emitting transaction when an inline hook throws', async () => {
    const { mall, owner } = await mallWithPlugins('inline-abort', 1)
    expect((await stamp(owner, mall, 'ann')).status).toBe(201)
    const before = core.fixtures.trace.length

    const refused = await stamp(owner, mall, 'ann')
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { detail: string }).detail).toBe('The card of ann is full')
    // The hook after the throwing one never ran, and the stamp written before the emit is gone.
    expect(core.fixtures.trace.slice(before)).toEqual(['fixture-stamps:card-limit'])
    expect(await core.rows(mall, 'fixture_stamps__stamp')).toHaveLength(1)
    expect(await core.rows(mall, 'fixture_badges__progress')).toMatchObject([{ stamps: 1 }])
    expect(await deliveries(mall)).toHaveLength(1)
  })

  it('queues no afterCommit hook and keeps no inline write when the transaction rolls back', async () => {
    const { mall } = await mallWithPlugins('rollback')
    const failure = new Error('checkout failed after the event')
    let queuedInside = -1
    const work = asSystem(mall, async (ctx) => {
      await ctx.emit('fixture-stamps.stamped', { stampId: crypto.randomUUID(), customer: 'bo' })
      queuedInside = (await ctx.db.selectFrom('core__job').select('id').execute()).length
      throw failure
    })
    await expect(work).rejects.toBe(failure)
    // Inside the transaction the delivery was queued and the inline hook had written…
    expect(queuedInside).toBe(1)
    // …and the rollback took both away.
    expect(await deliveries(mall)).toEqual([])
    expect(await core.rows(mall, 'fixture_badges__progress')).toEqual([])
    await core.worker.drain()
    expect(await core.rows(mall, 'fixture_stamps__notice')).toEqual([])
  })

  it('runs and queues no hook of a plugin that is off for the mall', async () => {
    const { mall } = await core.mallWithOwner('all-off')
    const before = core.fixtures.trace.length
    await asSystem(mall, (ctx) =>
      ctx.emit('fixture-stamps.stamped', { stampId: crypto.randomUUID(), customer: 'cy' }),
    )
    expect(core.fixtures.trace.slice(before)).toEqual([])
    expect(await deliveries(mall)).toEqual([])
  })

  it('skips only the hooks of the plugin that is off', async () => {
    const { mall, owner } = await core.mallWithOwner('badges-off')
    await setPlugin(owner, mall, STAMPS, { enabled: true })
    const before = core.fixtures.trace.length
    expect((await stamp(owner, mall, 'di')).status).toBe(201)
    expect(core.fixtures.trace.slice(before)).toEqual(['fixture-stamps:card-limit'])
    expect(await core.rows(mall, 'fixture_badges__progress')).toEqual([])
    expect(await deliveries(mall)).toEqual([{ hook: `${STAMPS}:notify`, customer: 'di' }])
  })
})

describe('deliverEventHook', () => {
  it('delivers a queued afterCommit hook once the worker runs', async () => {
    const { mall, owner } = await mallWithPlugins('delivered')
    const response = await stamp(owner, mall, 'ed')
    const { id: stampId } = (await response.json()) as { id: string }
    await core.worker.drain()
    const [job] = await core.jobs(mall, EVENT_HOOK_JOB)
    expect(job?.status).toBe('done')
    const notices = await core.rows(mall, 'fixture_stamps__notice')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({
      stamp_id: stampId,
      event_id: (job?.payload as EventHookJob).event.id,
    })
  })

  it('does not run the hook of a plugin turned off after the event was queued', async () => {
    const { mall, owner } = await core.mallWithOwner('off-before-delivery')
    await setPlugin(owner, mall, STAMPS, { enabled: true })
    expect((await stamp(owner, mall, 'flo')).status).toBe(201)
    await setPlugin(owner, mall, STAMPS, { enabled: false })
    const before = core.fixtures.trace.length

    await core.worker.drain()
    expect(core.fixtures.trace.slice(before)).toEqual([])
    expect(await core.rows(mall, 'fixture_stamps__notice')).toEqual([])
    const [job] = await core.jobs(mall, EVENT_HOOK_JOB)
    expect(job?.status).toBe('done')
  })
})
