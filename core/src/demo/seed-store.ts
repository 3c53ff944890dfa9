import type { TenantTx } from '../db/tenant-scope.ts'

/**
 * What the demo mall needs to sell: the sandbox payment gateway switched on, a default shipping
 * template (¥10 for the first piece, ¥5 each after, remote regions more, free from ¥99), a pickup
 * point, and an address in the demo customer's book.
 */
export async function seedDemoStore(
  tx: TenantTx,
  tenantId: string,
  customerId: string,
): Promise<void> {
  await tx
    .insertInto('core__payment_provider')
    .values({ tenant_id: tenantId, provider: 'sandbox', enabled: true, config: '{}' })
    .execute()
  await tx
    .insertInto('core__shipping_template')
    .values({
      tenant_id: tenantId,
      name: '全国包邮（满 ¥99）/ Nationwide',
      basis: 'piece',
      rules: JSON.stringify([
        { regions: ['新疆', '西藏'], first: 1, firstFee: 2000, additional: 1, additionalFee: 1000 },
        { regions: ['*'], first: 1, firstFee: 1000, additional: 1, additionalFee: 500 },
      ]),
      free_threshold: 9900,
      is_default: true,
    })
    .execute()
  await tx
    .insertInto('core__pickup_point')
    .values({
      tenant_id: tenantId,
      name: '徐汇门店 Xuhui store',
      address: '上海市徐汇区漕溪北路 88 号',
      hours: '10:00–21:00',
    })
    .execute()
  await tx
    .insertInto('core__address')
    .values({
      tenant_id: tenantId,
      customer_id: customerId,
      recipient: '演示顾客',
      phone: '+8613800138000',
      province: '上海',
      city: '上海市',
      district: '徐汇区',
      line1: '漕溪北路 88 号 1 幢 1201 室',
      is_default: true,
    })
    .execute()
}
