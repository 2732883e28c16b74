import { z } from 'zod';
import type { Sql } from '../platform/db/database.js';

const linkedCustomerSchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  status: z.enum(['active', 'locked', 'closed']),
  createdAt: z.string(),
});

export const sharedDevicesSchema = z.object({
  minCustomers: z.number().int(),
  devices: z.array(
    z.object({
      deviceId: z.string(),
      fingerprint: z.string(),
      platform: z.enum(['ios', 'android', 'web']),
      customerCount: z.number().int(),
      customers: z.array(linkedCustomerSchema),
    }),
  ),
  paymentFingerprints: z.array(
    z.object({
      fingerprint: z.string(),
      brand: z.string(),
      last4: z.string(),
      customerCount: z.number().int(),
      customers: z.array(linkedCustomerSchema),
    }),
  ),
});
export type SharedDevices = z.infer<typeof sharedDevicesSchema>;
type LinkedCustomer = z.infer<typeof linkedCustomerSchema>;

/** Groups listed per kind, and customers listed per group (the count is always exact). */
export const SHARED_GROUP_LIMIT = 50;
export const SHARED_CUSTOMER_LIMIT = 100;

/**
 * A first view for fraud investigators: devices and card/bank fingerprints used by several
 * customers, a classic sign of account farms and fraud rings. Biggest clusters first.
 */
export async function listSharedDevices(db: Sql, minCustomers = 3): Promise<SharedDevices> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const devices = await trx
        .selectFrom('customer_devices as cd')
        .innerJoin('devices as d', 'd.id', 'cd.device_id')
        .select((eb) => [
          'd.id',
          'd.fingerprint',
          'd.platform',
          eb.fn.count<number>('cd.customer_id').distinct().as('n'),
        ])
        .groupBy(['d.id', 'd.fingerprint', 'd.platform'])
        .having((eb) => eb.fn.count('cd.customer_id').distinct(), '>=', minCustomers)
        .orderBy('n', 'desc')
        .orderBy('d.id')
        .limit(SHARED_GROUP_LIMIT)
        .execute();
      const fingerprints = await trx
        .selectFrom('payment_methods')
        .select((eb) => [
          'fingerprint',
          eb.fn.min('brand').as('brand'),
          eb.fn.min('last4').as('last4'),
          eb.fn.count<number>('customer_id').distinct().as('n'),
        ])
        .groupBy('fingerprint')
        .having((eb) => eb.fn.count('customer_id').distinct(), '>=', minCustomers)
        .orderBy('n', 'desc')
        .orderBy('fingerprint')
        .limit(SHARED_GROUP_LIMIT)
        .execute();

      const deviceLinks =
        devices.length === 0
          ? []
          : await trx
              .selectFrom('customer_devices as cd')
              .innerJoin('customers as c', 'c.id', 'cd.customer_id')
              .select([
                'cd.device_id as key',
                'c.id',
                'c.given_name',
                'c.family_name',
                'c.email',
                'c.status',
                'c.created_at',
              ])
              .where(
                'cd.device_id',
                'in',
                devices.map((d) => d.id),
              )
              .orderBy('c.created_at')
              .execute();
      const cardLinks =
        fingerprints.length === 0
          ? []
          : await trx
              .selectFrom('payment_methods as pm')
              .innerJoin('customers as c', 'c.id', 'pm.customer_id')
              .select([
                'pm.fingerprint as key',
                'c.id',
                'c.given_name',
                'c.family_name',
                'c.email',
                'c.status',
                'c.created_at',
              ])
              .distinct()
              .where(
                'pm.fingerprint',
                'in',
                fingerprints.map((f) => f.fingerprint),
              )
              .orderBy('c.created_at')
              .execute();

      const group = (links: typeof deviceLinks) => {
        const map = new Map<string, LinkedCustomer[]>();
        for (const l of links) {
          const list = map.get(l.key) ?? [];
          if (list.length < SHARED_CUSTOMER_LIMIT && !list.some((c) => c.id === l.id)) {
            list.push({
              id: l.id,
              givenName: l.given_name,
              familyName: l.family_name,
              email: l.email,
              status: l.status,
              createdAt: l.created_at.toISOString(),
            });
          }
          map.set(l.key, list);
        }
        return map;
      };
      const byDevice = group(deviceLinks);
      const byCard = group(cardLinks);
      return {
        minCustomers,
        devices: devices.map((d) => ({
          deviceId: d.id,
          fingerprint: d.fingerprint,
          platform: d.platform,
          customerCount: Number(d.n),
          customers: byDevice.get(d.id) ?? [],
        })),
        paymentFingerprints: fingerprints.map((f) => ({
          fingerprint: f.fingerprint,
          brand: String(f.brand),
          last4: String(f.last4),
          customerCount: Number(f.n),
          customers: byCard.get(f.fingerprint) ?? [],
        })),
      };
    });
}
