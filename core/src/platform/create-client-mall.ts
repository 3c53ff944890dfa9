import { z } from '@hono/zod-openapi'
import type { Transaction } from 'kysely'
import type { Db } from '../db/create-db.ts'
import type { Database, Tenant } from '../db/schema.ts'
import { MallError, validationError } from '../http/errors.ts'
import type { CoreServices } from '../services.ts'
import { createMall, NewMall } from '../tenancy/tenants.ts'
import { applyTemplate } from './apply-template.ts'
import { TemplateSnapshot } from './template-snapshot.ts'
import './template-table.ts'

/** A client mall to create: the mall, its owner and optionally the template it starts from. */
export const NewClientMall = NewMall.extend({
  templateId: z.uuid().optional().openapi({
    description: "One of the agency's templates: its pages, theme and plugins are copied",
  }),
}).openapi('NewClientMall')
export type NewClientMall = z.infer<typeof NewClientMall>

/**
 * Creates a client mall for an agency (owner, grant and audit as `createMall` does) and, when a
 * template is named, copies it in the same transaction: the mall is created whole or not at all.
 * The template must be the agency's, and the chosen plan must allow every plugin it turns on;
 * otherwise 422 naming the field, before anything is written.
 */
export async function createClientMall(
  services: CoreServices,
  input: NewClientMall,
  agencyId: string,
  staffId: string,
): Promise<Tenant> {
  const { db } = services
  const template = input.templateId ? await agencyTemplate(db, agencyId, input.templateId) : null
  if (template) await checkPlanAllows(db, input.planId, template.snapshot)
  return db.transaction().execute(async (tx) => {
    const tenant = await createMall(joinTransaction(tx), input, agencyId, staffId)
    // createMall leaves the transaction in the new mall's tenant scope.
    if (template) await applyTemplate(services, tx, tenant, template, staffId)
    return tenant
  })
}

async function agencyTemplate(db: Db, agencyId: string, templateId: string) {
  const row = await db
    .selectFrom('core__mall_template')
    .select(['id', 'snapshot'])
    .where('id', '=', templateId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst()
  if (!row)
    throw new MallError('validation_failed', 'No such template in this agency', {
      errors: [{ field: 'body.templateId', message: 'unknown template' }],
    })
  return { id: row.id, snapshot: TemplateSnapshot.parse(row.snapshot) }
}

async function checkPlanAllows(db: Db, planId: string, snapshot: TemplateSnapshot) {
  const plan = await db
    .selectFrom('core__plan')
    .select('allowed_plugins')
    .where('id', '=', planId)
    .executeTakeFirst()
  // An unknown plan is reported by createMall, naming the field.
  if (!plan || plan.allowed_plugins.includes('*')) return
  const missing = snapshot.plugins
    .map((p) => p.id)
    .filter((id) => !plan.allowed_plugins.includes(id))
  if (missing.length)
    throw validationError(
      [{ field: 'body.planId', message: `does not include ${missing.join(', ')}` }],
      `The plan "${planId}" does not include plugins the template turns on: ${missing.join(', ')}`,
    )
}

/**
 * `tx` seen as a database whose `transaction()` joins `tx` instead of opening a new one, so
 * `createMall` (which opens its own transaction) runs inside the caller's. Methods are bound to
 * the transaction itself: Kysely's objects keep their state in private fields.
 */
function joinTransaction(tx: Transaction<Database>): Db {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'transaction')
        return () => ({
          execute: <T>(work: (inner: Transaction<Database>) => Promise<T>) => work(target),
        })
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as unknown as Db
}
