import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { seedCustomers, seedSku, type SeededCustomer } from '../core/src/commerce/orders/testing.ts'
import { withTenant } from '../core/src/db/tenant-scope.ts'
import { createMall } from '../core/src/tenancy/tenants.ts'
import { log } from './lib/log.ts'
import { withPostgres } from './lib/postgres.ts'
import { startServer } from './lib/server.ts'
import type PgModule from 'pg'

const UNITS = 100
const ATTEMPTS = 2000
const IN_FLIGHT = 100

// pg is core's dependency; the bench resolves it from there.
const fromCore = createRequire(new URL('../core/package.json', import.meta.url))
const pg = fromCore('pg') as typeof PgModule

/**
 * `pnpm bench flash-sale`: one SKU with 100 units, 2,000 checkout attempts by 2,000 customers
 * (100 in flight) through the HTTP API of a real server on PostgreSQL. `checkout_tps` is
 * successful checkouts per second from the first request to the last successful answer; `ratio`
 * divides it by the rate of a plain `UPDATE … SET stock = stock - 1 WHERE stock > 0` loop on one
 * connection of the same database in the same run (the floor any correct checkout pays).
 */
export default async function flashSale(): Promise<string> {
  return withPostgres(async (url) => {
    const server = await startServer(url)
    try {
      const { services } = server.core
      const mall = await createMall(
        services.db,
        {
          slug: 'flash',
          name: 'Flash sale',
          defaultLocale: 'zh-CN',
          currency: 'CNY',
          timezone: 'Asia/Shanghai',
          planId: 'standard',
          owner: { email: 'owner@flash.test', name: 'Owner', password: 'owner-password-1' },
        },
        null,
      )
      const { skuId } = await seedSku(services, mall.id, { stock: UNITS, price: 4999 })
      const pickupPointId = await withTenant(services.db, mall.id, (tx) =>
        tx
          .insertInto('core__pickup_point')
          .values({ tenant_id: mall.id, name: '门店', address: '上海' })
          .returning('id')
          .executeTakeFirstOrThrow(),
      ).then((r) => r.id)
      log(`flash-sale: seeding ${ATTEMPTS} customers with sessions`)
      const customers = await seedCustomers(services, mall.id, ATTEMPTS)

      log(`flash-sale: ${ATTEMPTS} checkouts, ${IN_FLIGHT} in flight`)
      const statuses = new Map<number, number>()
      let lastSuccessAt = 0
      const started = performance.now()
      let next = 0
      const worker = async () => {
        while (next < customers.length) {
          const customer = customers[next++] as SeededCustomer
          const status = await checkout(server.origin, customer, skuId, pickupPointId)
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          if (status === 201) lastSuccessAt = performance.now()
        }
      }
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
      const elapsed = (performance.now() - started) / 1000
      log(
        `flash-sale: answers ${JSON.stringify(Object.fromEntries(statuses))} in ${elapsed.toFixed(1)} s`,
      )
      const unexpected = [...statuses.keys()].filter((s) => s !== 201 && s !== 409)
      if (unexpected.length)
        throw new Error(`flash-sale: unexpected statuses ${unexpected.join(', ')}`)

      const counted = await withTenant(services.db, mall.id, async (tx) => ({
        orders: Number(
          (
            await tx
              .selectFrom('core__order')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        sold: Number(
          (
            await tx
              .selectFrom('core__order_line')
              .select((eb) => eb.fn.coalesce(eb.fn.sum('quantity'), eb.lit(0)).as('n'))
              .where('sku_id', '=', skuId)
              .executeTakeFirstOrThrow()
          ).n,
        ),
        stock: (
          await tx
            .selectFrom('core__sku')
            .select('stock')
            .where('id', '=', skuId)
            .executeTakeFirstOrThrow()
        ).stock,
      }))
      const oversold =
        Math.max(0, counted.sold - UNITS) + Math.max(0, UNITS - counted.sold - counted.stock)
      const successSeconds = (lastSuccessAt - started) / 1000
      const checkoutTps = successSeconds > 0 ? counted.orders / successSeconds : 0
      const baseline = await plainDecrementRate(url)
      log(
        `flash-sale: plain decrement loop ${Math.round(baseline)} updates/s; stock left ${counted.stock}`,
      )
      return `flash-sale: units=${UNITS} attempts=${ATTEMPTS} orders=${counted.orders} oversold=${oversold} checkout_tps=${Math.round(checkoutTps)} ratio=${(checkoutTps / baseline).toPrecision(2)}`
    } finally {
      await server.close()
    }
  })
}

async function checkout(
  origin: string,
  customer: SeededCustomer,
  skuId: string,
  pickupPointId: string,
): Promise<number> {
  const response = await fetch(`${origin}/s/flash/api/store/checkout`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'sec-fetch-site': 'same-origin',
      cookie: customer.cookie,
      'idempotency-key': `flash-${customer.id}`,
    },
    body: JSON.stringify({
      items: [{ skuId, quantity: 1 }],
      delivery: { method: 'pickup', pickupPointId },
    }),
  })
  await response.arrayBuffer()
  return response.status
}

/** Decrements per second of a bare conditional UPDATE loop on one connection (autocommit, a logged table). */
async function plainDecrementRate(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(
      `create table bench_stock (id int primary key, stock int not null check (stock >= 0))`,
    )
    await client.query(`insert into bench_stock values (1, ${ATTEMPTS})`)
    const started = performance.now()
    let taken = 0
    for (let i = 0; i < ATTEMPTS; i++)
      taken +=
        (await client.query(`update bench_stock set stock = stock - 1 where id = 1 and stock > 0`))
          .rowCount ?? 0
    return taken / ((performance.now() - started) / 1000)
  } finally {
    await client.query(`drop table if exists bench_stock`)
    await client.end()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  flashSale().then(
    (line) => {
      process.stdout.write(`${line}\n`)
      process.exit(0)
    },
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      )
      process.exit(1)
    },
  )
