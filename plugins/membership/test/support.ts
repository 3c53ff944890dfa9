import type { Selectable } from 'kysely'
import { expect } from 'vitest'
import type { Actor, MallContext } from '../../../core/src/context.ts'
import type { Tenant } from '../../../core/src/db/schema.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { runInMall } from '../../../core/src/mall-context.ts'
import {
  createTestCore,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../../core/test/app.ts'
import type { PluginServer } from '../../../core/src/plugins/contract.ts'
import membership from '../src/server/index.ts'
import type { MembershipTables } from '../src/server/tables.ts'

/** A booted core with membership (and `extra` plugins) enabled for one mall, owner signed in. */
export async function membershipMall(
  slug: string,
  options: { extra?: readonly PluginServer[]; timezone?: string } = {},
) {
  const core = await createTestCore({ plugins: [...(options.extra ?? []), membership] })
  const mall = await core.createMall(slug)
  if (options.timezone)
    await core.services.db
      .updateTable('core__tenant')
      .set({ timezone: options.timezone })
      .where('id', '=', mall.id)
      .execute()
  const owner = core.client()
  await owner.loginStaff(mall.ownerEmail)
  for (const plugin of [...(options.extra ?? []), membership]) {
    const on = await owner.put(`/s/${slug}/api/admin/plugins/${plugin.manifest.id}`, {
      enabled: true,
    })
    expect(on.status, await on.clone().text()).toBe(200)
  }
  const tenant = await core.services.db
    .selectFrom('core__tenant')
    .selectAll()
    .where('id', '=', mall.id)
    .executeTakeFirstOrThrow()
  return new MembershipMall(core, mall, tenant, owner)
}

/** One mall of a test core, with helpers to act in it and read the plugin's tables. */
export class MembershipMall {
  constructor(
    readonly core: TestCore,
    readonly mall: TestMall,
    readonly tenant: Tenant,
    readonly owner: TestClient,
  ) {}

  /** Runs `work` in the mall as `actor` (the system by default), in one transaction. */
  run<T>(work: (ctx: MallContext) => Promise<T>, actor: Actor = { kind: 'system' }) {
    return runInMall(this.core.services, { tenant: this.tenant, actor }, work)
  }

  /** Every row of one of the plugin's tables in this mall. */
  rows<T extends keyof MembershipTables>(table: T): Promise<Selectable<MembershipTables[T]>[]> {
    return withTenant(this.core.services.db, this.mall.id, (tx) =>
      tx
        .withTables<MembershipTables>()
        .selectFrom(table as 'membership__account')
        .selectAll()
        .execute(),
    ) as Promise<never>
  }

  /** A client signed in with a seeded customer's session cookie. */
  shopper(cookie: string) {
    const client = this.core.client()
    const [name, value] = cookie.split('=') as [string, string]
    client.cookies.set(name, value)
    return client
  }

  store = (path: string) => `/s/${this.mall.slug}/api/store/p/membership${path}`
  admin = (path: string) => `/s/${this.mall.slug}/api/admin/p/membership${path}`

  /** Saves the plugin's settings for the mall through the generic plugin settings route. */
  async settings(settings: Record<string, unknown>) {
    const saved = await this.owner.put(`/s/${this.mall.slug}/api/admin/plugins/membership`, {
      enabled: true,
      settings,
    })
    expect(saved.status, await saved.clone().text()).toBe(200)
  }

  close() {
    return this.core.close()
  }
}
