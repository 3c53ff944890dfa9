import type { MallContext } from '../../context.ts'
import { fieldErrorsFromZod, validationError } from '../../http/errors.ts'
import { loadProviderRow, viewOf, type ProviderConfigView } from './provider-config.ts'
import type { PaymentProvider } from './provider.ts'

/**
 * Saves a provider's settings in this mall: `config` is merged over the stored one (so a form that
 * leaves a write-only secret blank keeps it), validated with the provider's schema (422 naming
 * `body.config.<field>`), and the change audited without any values.
 */
export async function saveProviderConfig(
  ctx: MallContext,
  provider: PaymentProvider,
  input: { enabled?: boolean | undefined; config?: Record<string, unknown> | undefined },
): Promise<ProviderConfigView> {
  const stored = await loadProviderRow(ctx, provider.name)
  let merged: Record<string, unknown> = { ...(stored?.config ?? {}), ...(input.config ?? {}) }
  const enabled = input.enabled ?? stored?.enabled ?? false
  if (input.config !== undefined || enabled) {
    const parsed = provider.configSchema.safeParse(merged)
    if (!parsed.success)
      throw validationError(fieldErrorsFromZod(parsed.error.issues, 'body.config'))
    // What the schema knows only: unknown keys are not stored.
    merged = parsed.data
  }
  await ctx.db
    .insertInto('core__payment_provider')
    .values({
      tenant_id: ctx.tenant.id,
      provider: provider.name,
      enabled,
      config: JSON.stringify(merged),
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'provider'])
        .doUpdateSet({ enabled, config: JSON.stringify(merged) }),
    )
    .execute()
  await ctx.audit('payment-provider.updated', `payment-provider:${provider.name}`, {
    enabled,
    fields: Object.keys(input.config ?? {}),
  })
  return viewOf(provider, { enabled, config: merged })
}
