import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import type { PaymentProvider } from './provider.ts'

/** A provider's config as the admin API shows it: secrets replaced by whether they are set. */
export interface ProviderConfigView {
  provider: string
  enabled: boolean
  configured: boolean
  config: Record<string, unknown>
  secretsSet: string[]
}

/** The stored row of `provider` in this mall, if any. */
export async function loadProviderRow(ctx: MallContext, provider: string) {
  const row = await ctx.db
    .selectFrom('core__payment_provider')
    .select(['enabled', 'config'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('provider', '=', provider)
    .executeTakeFirst()
  return row ? { enabled: row.enabled, config: row.config as Record<string, unknown> } : undefined
}

/**
 * The validated config of an enabled provider, generating first-use values (the sandbox secret)
 * and storing them. 422 naming `field` when the mall has not enabled or fully configured it.
 */
export async function usableConfig<C extends Record<string, unknown>>(
  ctx: MallContext,
  provider: PaymentProvider<C>,
  field = 'body.provider',
): Promise<C> {
  const row = await loadProviderRow(ctx, provider.name)
  if (!row?.enabled)
    throw new MallError('validation_failed', `${provider.name} is not enabled in this mall`, {
      errors: [{ field, message: 'not enabled in this mall' }],
    })
  const parsed = provider.configSchema.safeParse(row.config)
  if (!parsed.success)
    throw new MallError('validation_failed', `${provider.name} is not fully configured`, {
      errors: [{ field, message: 'not fully configured in this mall' }],
    })
  const prepared = provider.prepareConfig?.(parsed.data)
  if (!prepared) return parsed.data
  await ctx.db
    .updateTable('core__payment_provider')
    .set({ config: JSON.stringify(prepared) })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('provider', '=', provider.name)
    .execute()
  return prepared
}

/** The stored config of `provider` for verifying its notifications, enabled or not; 403 if none. */
export async function notificationConfig<C extends Record<string, unknown>>(
  ctx: MallContext,
  provider: PaymentProvider<C>,
): Promise<C> {
  const row = await loadProviderRow(ctx, provider.name)
  const parsed = row ? provider.configSchema.safeParse(row.config) : undefined
  if (!parsed?.success)
    throw new MallError('forbidden', `${provider.name} is not configured in this mall`)
  return parsed.data
}

/** The admin view of a stored config: non-secret fields, and which secrets are set. */
export function viewOf(
  provider: PaymentProvider,
  row: { enabled: boolean; config: Record<string, unknown> } | undefined,
): ProviderConfigView {
  const config = row?.config ?? {}
  const visible = Object.fromEntries(
    Object.entries(config).filter(([key]) => !provider.secretFields.includes(key)),
  )
  return {
    provider: provider.name,
    enabled: row?.enabled ?? false,
    configured: row !== undefined && provider.configSchema.safeParse(config).success,
    config: visible,
    secretsSet: provider.secretFields.filter(
      (key) => config[key] !== undefined && config[key] !== '',
    ),
  }
}
