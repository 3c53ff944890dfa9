import type { Db } from '../db/create-db.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { hashPassword } from '../auth/index.ts'
import { createMall, ensureStaffUser, setMembership } from '../tenancy/tenants.ts'
import type { Storage } from '../commerce/storage/storage.ts'
import { seedDemoCatalog } from './seed-catalog.ts'
import { seedDemoHome } from './seed-home.ts'
import { seedDemoStore } from './seed-store.ts'
import { saveMallAsTemplate } from '../platform/save-template.ts'

/** The demo logins `pnpm start` prints. Local development only. */
export const DEMO = {
  slug: 'demo',
  agencyOwner: {
    email: 'agency@mallkit.dev',
    password: 'mallkit-agency',
    name: 'Demo Agency Owner',
  },
  owner: { email: 'owner@demo.mallkit.dev', password: 'mallkit-owner', name: '演示店主' },
  customer: { email: 'customer@demo.mallkit.dev', password: 'mallkit-customer', name: '演示顾客' },
} as const

/** The plans every installation starts with; `standard` allows every plugin. */
export async function ensurePlans(db: Db): Promise<void> {
  await db
    .insertInto('core__plan')
    .values([
      { id: 'standard', name: 'Standard', allowed_plugins: ['*'] },
      { id: 'basic', name: 'Basic', allowed_plugins: [] },
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

/**
 * Seeds the demo agency and mall with an agency owner, a mall owner, a customer and the demo
 * catalog (images through `storage`, by default the configured one), unless a mall called `demo`
 * already exists. Returns whether it seeded.
 */
export async function seedDemo(db: Db, storage?: Storage): Promise<boolean> {
  await ensurePlans(db)
  const existing = await db
    .selectFrom('core__tenant')
    .select('id')
    .where('slug', '=', DEMO.slug)
    .executeTakeFirst()
  if (existing) return false
  const agency = await db
    .insertInto('core__agency')
    .values({ name: 'Demo Agency' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const agencyOwner = await ensureStaffUser(db, DEMO.agencyOwner)
  await setMembership(db, agencyOwner.id, { agencyId: agency.id }, 'owner')
  const tenant = await createMall(
    db,
    {
      slug: DEMO.slug,
      name: 'Mallkit 演示商城',
      defaultLocale: 'zh-CN',
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
      planId: 'standard',
      owner: DEMO.owner,
    },
    agency.id,
  )
  const passwordHash = await hashPassword(DEMO.customer.password)
  await withTenant(db, tenant.id, async (tx) => {
    const customer = await tx
      .insertInto('core__customer')
      .values({
        tenant_id: tenant.id,
        email: DEMO.customer.email,
        name: DEMO.customer.name,
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await seedDemoStore(tx, tenant.id, customer.id)
  })
  await seedDemoCatalog(db, tenant.id, storage)
  await seedDemoHome(db, tenant.id, storage)
  // The demo agency starts with the demo mall as a template to create client malls from.
  await saveMallAsTemplate(db, {
    agencyId: agency.id,
    tenantId: tenant.id,
    name: 'Mallkit 演示模板 Demo template',
    description: '首页、主题和插件设置 · Home page, theme and plugin settings',
  })
  return true
}
