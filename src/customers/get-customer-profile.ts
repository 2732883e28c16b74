import type { Sql } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import type { CustomerProfile } from './customer-views.js';
import { getOutstandingBalance } from './outstanding-balance.js';

/** The customer's own details, balance and payment methods (brand and last four only). */
export async function getCustomerProfile(db: Sql, customerId: string): Promise<CustomerProfile> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const c = await trx.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
      if (!c) throw notFound('Customer');
      const methods = await trx
        .selectFrom('payment_methods')
        .select(['id', 'kind', 'brand', 'last4', 'is_default', 'status'])
        .where('customer_id', '=', customerId)
        .where('status', '!=', 'removed')
        .orderBy('is_default', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
      const balance = await getOutstandingBalance(trx, customerId);
      const disputes = await trx
        .selectFrom('disputes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('customer_id', '=', customerId)
        .where('status', 'in', ['open', 'under_review'])
        .executeTakeFirstOrThrow();
      return {
        id: c.id,
        givenName: c.given_name,
        familyName: c.family_name,
        email: c.email,
        phone: c.phone,
        country: c.country,
        locale: c.locale,
        dateOfBirth: c.date_of_birth,
        address: { line: c.address_line, city: c.city, postalCode: c.postal_code },
        status: c.status,
        statusReason: c.status_reason,
        currency: c.currency,
        creditLimitMinor: c.credit_limit_minor,
        outstandingMinor: balance.totalMinor,
        availableCreditMinor: Math.max(0, c.credit_limit_minor - balance.installmentsMinor),
        openDisputes: Number(disputes.n),
        createdAt: c.created_at.toISOString(),
        paymentMethods: methods.map((m) => ({
          id: m.id,
          kind: m.kind,
          brand: m.brand,
          last4: m.last4,
          isDefault: m.is_default,
          status: m.status,
        })),
      };
    });
}
