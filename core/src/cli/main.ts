import { Command, CommanderError } from 'commander'
import { z } from 'zod'
import { bootCore, type Core } from '../boot.ts'
import { loadConfig } from '../config/env.ts'
import { coreMigrations } from '../db/migrations/index.ts'
import { pendingMigrations } from '../db/migrator.ts'
import { ensurePlans, seedDemo } from '../demo/seed.ts'
import { MallError } from '../http/errors.ts'
import { runInMall } from '../mall-context.ts'
import { discoverPlugins } from '../plugins/discover.ts'
import { listPluginStates, setPluginState } from '../plugins/installs.ts'
import { createMall, ensureStaffUser, NewMall, setMembership } from '../tenancy/tenants.ts'
import { staffRoles } from '../auth/permissions.ts'

/** Boots the core for one command and always closes the database afterwards. */
async function withCore<T>(work: (core: Core) => Promise<T>): Promise<T> {
  const core = await bootCore({ config: loadConfig(), plugins: await discoverPlugins() })
  try {
    await ensurePlans(core.services.db)
    return await work(core)
  } finally {
    await core.close()
  }
}

async function tenantBySlug(core: Core, slug: string) {
  const tenant = await core.services.db
    .selectFrom('core__tenant')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (!tenant) throw new MallError('tenant_not_found', `No mall is called "${slug}"`)
  return tenant
}

/** Schema paths back to the flags they came from, for error messages. */
const FLAGS: Record<string, string> = {
  defaultLocale: '--locale',
  planId: '--plan',
  'owner.email': '--owner-email',
  'owner.name': '--owner-name',
  'owner.password': '--owner-password',
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const path = issue.path.join('.')
      return `${FLAGS[path] ?? (path ? `--${path}` : 'value')}: ${issue.message}`
    })
    throw new MallError('validation_failed', lines.join('\n'))
  }
  return result.data
}

const print = (line: string) => process.stdout.write(`${line}\n`)

/** The `pnpm mall` command line: migrate, seed, tenants, users, plugins. */
export function createCli(): Command {
  const program = new Command('mall')
    .description(
      'Mallkit administration. Uses DATABASE_URL, or the embedded database in MALLKIT_DATA_DIR (stop the server first).',
    )
    .exitOverride()

  program
    .command('migrate')
    .description('Apply pending migrations of the core and every installed plugin')
    .action(async () => {
      const plugins = await discoverPlugins()
      const core = await bootCore({ config: loadConfig(), plugins, skipMigrations: true })
      try {
        const sets = [coreMigrations, ...core.services.plugins.migrationSets()]
        await core.database.migrate(sets)
        print('Migrations are up to date.')
      } finally {
        await core.close()
      }
    })

  program
    .command('status')
    .description('List migrations not yet applied')
    .action(() =>
      withCore(async (core) => {
        const pending = await pendingMigrations(core.services.db, [
          coreMigrations,
          ...core.services.plugins.migrationSets(),
        ])
        print(pending.length ? `Pending: ${pending.join(', ')}` : 'No pending migrations.')
      }),
    )

  program
    .command('seed')
    .description('Create the default plans and the demo mall (skipped if "demo" exists)')
    .action(() =>
      withCore(async (core) => {
        print(
          (await seedDemo(core.services.db))
            ? 'Seeded the demo mall "demo".'
            : 'The demo mall already exists; nothing to do.',
        )
      }),
    )

  const tenant = program.command('tenant').description('Malls')
  tenant
    .command('create')
    .description('Create a mall and its owner')
    .requiredOption(
      '--slug <slug>',
      'lowercase letters, digits and hyphens; the mall is served at {slug}.{base domain}',
    )
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--owner-email <email>', "the owner's login")
    .option('--owner-name <name>', "the owner's name", 'Owner')
    .option(
      '--owner-password <password>',
      'required when the owner is a new account (10+ characters)',
    )
    .option('--locale <locale>', 'zh-CN or en', 'zh-CN')
    .option('--currency <code>', 'ISO 4217', 'CNY')
    .option('--timezone <tz>', 'IANA timezone', 'Asia/Shanghai')
    .option('--plan <plan>', 'plan id', 'standard')
    .option('--agency <id>', 'the agency that operates it (keeps a revocable grant)')
    .action((options) =>
      withCore(async (core) => {
        const input = parse(NewMall, {
          slug: options.slug,
          name: options.name,
          defaultLocale: options.locale,
          currency: options.currency,
          timezone: options.timezone,
          planId: options.plan,
          owner: {
            email: options.ownerEmail,
            name: options.ownerName,
            password: options.ownerPassword,
          },
        })
        const created = await createMall(core.services.db, input, options.agency ?? null)
        print(`Created mall "${created.slug}" (${created.id}).`)
      }),
    )
  tenant
    .command('list')
    .description('List malls')
    .action(() =>
      withCore(async (core) => {
        const rows = await core.services.db
          .selectFrom('core__tenant')
          .select(['slug', 'name', 'status', 'plan_id'])
          .orderBy('slug')
          .execute()
        if (rows.length === 0)
          print('No malls yet. Create one with: pnpm mall tenant create --help')
        for (const row of rows) print(`${row.slug}\t${row.status}\t${row.plan_id}\t${row.name}`)
      }),
    )
  tenant
    .command('status <slug> <status>')
    .description('Suspend or reactivate a mall (status: active | suspended)')
    .action((slug: string, status: string) =>
      withCore(async (core) => {
        const next = parse(z.enum(['active', 'suspended']), status)
        const found = await tenantBySlug(core, slug)
        await core.services.db
          .updateTable('core__tenant')
          .set({ status: next, updated_at: new Date() })
          .where('id', '=', found.id)
          .execute()
        print(`Mall "${slug}" is ${next}.`)
      }),
    )

  program
    .command('user')
    .description('Staff accounts')
    .command('create')
    .description('Create a staff account, optionally with a role in a mall or an agency')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--password <password>', '10+ characters')
    .option('--tenant <slug>', 'give a role in this mall')
    .option('--agency <id>', 'give a role in this agency')
    .option('--role <role>', staffRoles.join(' | '), 'operator')
    .action((options) =>
      withCore(async (core) => {
        const input = parse(
          z.object({
            email: z.email().transform((e) => e.toLowerCase()),
            name: z.string().min(1),
            password: z.string().min(10, 'at least 10 characters'),
            role: z.enum(staffRoles),
          }),
          options,
        )
        const user = await ensureStaffUser(core.services.db, input)
        if (options.tenant)
          await setMembership(
            core.services.db,
            user.id,
            { tenantId: (await tenantBySlug(core, options.tenant)).id },
            input.role,
          )
        if (options.agency)
          await setMembership(core.services.db, user.id, { agencyId: options.agency }, input.role)
        print(`${user.created ? 'Created' : 'Found'} ${input.email} (${user.id}).`)
      }),
    )

  const plugin = program.command('plugin').description('Plugins per mall')
  const toggle =
    (enabled: boolean) => (id: string, options: { tenant: string; settings?: string }) =>
      withCore(async (core) => {
        const found = await tenantBySlug(core, options.tenant)
        let settings: Record<string, unknown> | undefined
        if (options.settings) {
          try {
            settings = JSON.parse(options.settings) as Record<string, unknown>
          } catch {
            throw new MallError('validation_failed', '--settings must be a JSON object')
          }
        }
        await runInMall(core.services, { tenant: found, actor: { kind: 'system' } }, (ctx) =>
          setPluginState(ctx, core.services.plugins, id, { enabled, settings }),
        )
        print(`Plugin "${id}" is ${enabled ? 'on' : 'off'} for "${options.tenant}".`)
      })
  plugin
    .command('enable <id>')
    .description('Turn a plugin on')
    .requiredOption('--tenant <slug>')
    .option('--settings <json>', 'settings as JSON')
    .action(toggle(true))
  plugin
    .command('disable <id>')
    .description('Turn a plugin off')
    .requiredOption('--tenant <slug>')
    .action(toggle(false))
  plugin
    .command('list')
    .description('Installed plugins and their state in a mall')
    .requiredOption('--tenant <slug>')
    .action((options: { tenant: string }) =>
      withCore(async (core) => {
        const found = await tenantBySlug(core, options.tenant)
        const states = await runInMall(
          core.services,
          { tenant: found, actor: { kind: 'system' } },
          (ctx) => listPluginStates(ctx, core.services.plugins),
        )
        if (states.length === 0) print('No plugins are installed.')
        for (const s of states)
          print(
            `${s.id}\t${s.enabled ? 'on' : 'off'}\t${s.allowed ? 'allowed' : 'not in plan'}\t${s.version}`,
          )
      }),
    )
  return program
}

/** Runs the CLI; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await createCli().parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2))
}
