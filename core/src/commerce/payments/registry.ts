import { MallError } from '../../http/errors.ts'
import type { CoreServices } from '../../services.ts'
import { manualProvider } from './manual/manual-provider.ts'
import type { PaymentProvider } from './provider.ts'
import { sandboxProvider } from './sandbox/sandbox-provider.ts'
import { createWechatProvider } from './wechat/wechat-provider.ts'

/** The payment providers of one running core, by name. */
export class PaymentProviderRegistry {
  readonly #providers = new Map<string, PaymentProvider>()

  /** Adds `provider`, replacing one of the same name (tests swap in a WeChat on a local server). */
  register<C extends Record<string, unknown>>(provider: PaymentProvider<C>): void {
    this.#providers.set(provider.name, provider as unknown as PaymentProvider)
  }

  /** The provider called `name`; 404 naming `field` when there is none. */
  get(name: string, field = 'path.provider'): PaymentProvider {
    const provider = this.#providers.get(name)
    if (!provider)
      throw new MallError('not_found', `No payment provider called ${name}`, {
        errors: [{ field, message: `one of ${this.names().join(', ')}` }],
      })
    return provider
  }

  /** The registered provider names, in registration order. */
  names(): string[] {
    return [...this.#providers.keys()]
  }
}

const registries = new WeakMap<CoreServices, PaymentProviderRegistry>()

/** The providers of `services`' core, created with manual, sandbox and WeChat Pay on first use. */
export function paymentProvidersOf(services: CoreServices): PaymentProviderRegistry {
  let registry = registries.get(services)
  if (!registry) {
    registry = new PaymentProviderRegistry()
    registry.register(manualProvider)
    registry.register(sandboxProvider)
    registry.register(createWechatProvider())
    registries.set(services, registry)
  }
  return registry
}
