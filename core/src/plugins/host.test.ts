import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { createFixturePlugins } from '../../test/fixtures/fixture-plugins.ts'
import { definePlugin, definePluginServer, type HookDefinition } from './contract.ts'
import { PluginBootError, PluginHost } from './host.ts'

const CORE = '0.1.0'

interface Spec {
  version?: string
  compatibility?: string
  dependsOn?: Record<string, string>
  hooks?: HookDefinition<'customer.registered'>[]
}

/** A minimal installed plugin with one migration and whatever hooks the test gives it. */
function plugin(id: string, spec: Spec = {}) {
  const manifest = definePlugin({
    id,
    version: spec.version ?? '1.0.0',
    compatibility: spec.compatibility ?? '^0.1.0',
    dependsOn: spec.dependsOn,
    name: { en: id, 'zh-CN': id },
    settings: z.object({}),
  })
  return definePluginServer(manifest, {
    migrations: { '0001-init': { up: async () => {} } },
    hooks: spec.hooks ?? [],
  })
}

const hookOn = (
  name: string,
  mode: 'inline' | 'afterCommit' = 'inline',
): HookDefinition<'customer.registered'> => ({
  event: 'customer.registered',
  name,
  mode,
  handle: async () => {},
})

/** The boot error `build` throws; fails the test when it throws nothing or something else. */
function bootError(build: () => unknown): PluginBootError {
  try {
    build()
  } catch (error) {
    if (error instanceof PluginBootError) return error
    throw new Error(`Expected a PluginBootError, got ${String(error)}`, { cause: error })
  }
  throw new Error('Expected a PluginBootError, but the host booted')
}

const ids = (host: PluginHost) => host.plugins.map((p) => p.manifest.id)

describe('PluginHost', () => {
  it('orders plugins dependencies first and otherwise keeps the installation order', () => {
    const host = new PluginHost(
      [
        plugin('zeta'),
        plugin('checkout-extras', { dependsOn: { coupons: '^1.0.0', membership: '^1.0.0' } }),
        plugin('coupons', { dependsOn: { membership: '^1.0.0' } }),
        plugin('alpha'),
        plugin('membership'),
      ],
      CORE,
    )
    expect(ids(host)).toEqual(['zeta', 'membership', 'coupons', 'checkout-extras', 'alpha'])
  })

  it('runs migrations and hooks in dependency order, the core hooks first', () => {
    const host = new PluginHost(
      [
        plugin('badges', { dependsOn: { stamps: '^1.0.0' }, hooks: [hookOn('count')] }),
        plugin('stamps', { hooks: [hookOn('limit'), hookOn('notify', 'afterCommit')] }),
      ],
      CORE,
    )
    host.registerCoreHook(hookOn('welcome'))
    expect(host.migrationSets().map((set) => set.owner)).toEqual(['stamps', 'badges'])
    expect(host.hooksFor('customer.registered').map((hook) => hook.id)).toEqual([
      'core:welcome',
      'stamps:limit',
      'stamps:notify',
      'badges:count',
    ])
    expect(host.hooksFor('plugin.enabled')).toEqual([])
  })

  it('finds a hook, a job and a permission by their full names', () => {
    const { plugins } = createFixturePlugins()
    const host = new PluginHost(plugins, CORE)
    expect(host.hook('fixture-stamps:notify')?.definition.mode).toBe('afterCommit')
    expect(host.hook('fixture-stamps:notify')?.pluginId).toBe('fixture-stamps')
    expect(host.hook('fixture-stamps:nothing')).toBeUndefined()
    expect(host.hook('fixture-nobody:notify')).toBeUndefined()
    expect(host.jobs().map((job) => job.kind)).toEqual([
      'fixture-stamps:tally',
      'fixture-stamps:sweep',
    ])
    expect(host.permissionDefinitions()['fixture-stamps:stamps.grant']?.roles).toContain('operator')
    expect(host.permissionDefinitions()['core:plugins.manage']).toBeDefined()
  })

  it('refuses a plugin id installed twice', () => {
    const error = bootError(() => new PluginHost([plugin('coupons'), plugin('coupons')], CORE))
    expect(error.message).toBe('Plugin id "coupons" is installed twice')
  })

  it('refuses a plugin whose dependency is not installed', () => {
    const error = bootError(
      () => new PluginHost([plugin('coupons', { dependsOn: { membership: '^1.0.0' } })], CORE),
    )
    expect(error.message).toBe('Plugin "coupons" depends on "membership", which is not installed')
  })

  it('refuses a plugin made for another core version, naming both versions', () => {
    const error = bootError(
      () =>
        new PluginHost(
          [plugin('membership'), plugin('coupons', { compatibility: '^2.0.0' })],
          CORE,
        ),
    )
    expect(error.message).toBe('Plugin "coupons" needs @mallkit/core ^2.0.0, but this is 0.1.0')
  })

  it('refuses a plugin when its dependency is installed in an incompatible version', () => {
    const error = bootError(
      () =>
        new PluginHost(
          [
            plugin('membership', { version: '1.4.2' }),
            plugin('coupons', { dependsOn: { membership: '^2.0.0' } }),
          ],
          CORE,
        ),
    )
    expect(error.message).toBe('Plugin "coupons" needs "membership" ^2.0.0, but 1.4.2 is installed')
  })

  it('refuses a dependency cycle, showing the whole cycle', () => {
    const error = bootError(
      () =>
        new PluginHost(
          [
            plugin('a', { dependsOn: { b: '*' } }),
            plugin('b', { dependsOn: { c: '*' } }),
            plugin('c', { dependsOn: { a: '*' } }),
          ],
          CORE,
        ),
    )
    expect(error.message).toBe('Plugin dependency cycle: a → b → c → a')
  })

  it('refuses a plugin that depends on itself', () => {
    const error = bootError(
      () => new PluginHost([plugin('loop', { dependsOn: { loop: '*' } })], CORE),
    )
    expect(error.message).toBe('Plugin dependency cycle: loop → loop')
  })
})

describe('definePlugin', () => {
  it('accepts a manifest that follows the naming rules', () => {
    expect(plugin('lucky-wheel').manifest.id).toBe('lucky-wheel')
  })

  it('names every broken rule of a manifest at once', () => {
    expect(() =>
      definePlugin({
        id: 'Lucky_Wheel',
        version: 'one',
        compatibility: 'soon',
        dependsOn: { coupons: 'latest' },
        name: { en: 'x', 'zh-CN': 'x' },
        settings: z.object({ maxSpins: z.number() }),
        permissions: { 'Prizes manage': { label: 'x', roles: ['owner'] } },
      }),
    ).toThrow(
      'Plugin manifest Lucky_Wheel: id "Lucky_Wheel" is not kebab-case; version "one" is not semver; ' +
        'compatibility "soon" is not a semver range; dependsOn.coupons "latest" is not a semver range; ' +
        'permission "Prizes manage" must look like "prizes.manage"; ' +
        'settings must parse {} (give every field a default)',
    )
  })
})
