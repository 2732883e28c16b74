import { z } from 'zod';
import type { CustomerTokenService } from '../identity/customer-tokens.js';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../identity/demo-staff.js';
import type { AppDeps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import type { HttpServer } from '../platform/http/types.js';
import { DEMO_CUSTOMERS } from './demo-customers.js';

/** The well-known demo customers the generator always creates first. */
const DEMO_CUSTOMER_EMAILS = DEMO_CUSTOMERS.map((c) => c.email);

/** Routes that exist only in demo mode: never registered when NODE_ENV=production. */
export function registerDemoRoutes(app: HttpServer, deps: AppDeps, customerTokens: CustomerTokenService) {
  const customerColumns = [
    'id',
    'given_name',
    'family_name',
    'locale',
    'country',
    'currency',
    'email',
  ] as const;
  const toCustomer = (c: {
    id: string;
    given_name: string;
    family_name: string;
    locale: string;
    country: string;
    currency: string;
  }) => ({
    id: c.id,
    name: `${c.given_name} ${c.family_name}`,
    locale: c.locale,
    country: c.country,
    currency: c.currency,
  });

  app.get(
    '/api/v1/demo/info',
    { schema: { tags: ['demo'], summary: 'Demo staff accounts and demo customers (demo mode only)' } },
    async () => {
      const known = await deps.db
        .selectFrom('customers')
        .select(customerColumns)
        .where('email', 'in', DEMO_CUSTOMER_EMAILS)
        .orderBy('email')
        .execute();
      const others = await deps.db
        .selectFrom('customers')
        .select(customerColumns)
        .where('email', 'not in', DEMO_CUSTOMER_EMAILS)
        .where('status', '=', 'active')
        .orderBy('created_at')
        .orderBy('id')
        .limit(4)
        .execute();
      return {
        demoMode: true,
        staff: DEMO_STAFF.map((s) => ({ email: s.email, password: DEMO_STAFF_PASSWORD, roles: s.roles })),
        customers: [...known, ...others].map(toCustomer),
      };
    },
  );

  app.post(
    '/api/v1/demo/customer-token',
    {
      schema: {
        tags: ['demo'],
        summary: 'Issue a signed customer token for a demo customer (what a host app does for its users)',
        body: z.object({ customerId: z.string().uuid().optional() }).default({}),
      },
    },
    async (request) => {
      const id = request.body.customerId;
      let query = deps.db.selectFrom('customers').select(customerColumns);
      query = id ? query.where('id', '=', id) : query.where('email', '=', DEMO_CUSTOMER_EMAILS[0]!);
      const customer = await query.executeTakeFirst();
      if (!customer) throw notFound('Customer');
      const token = await customerTokens.issue(customer.id, 3600);
      return { token, customer: toCustomer(customer) };
    },
  );
}
