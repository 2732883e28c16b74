import { z } from 'zod';
import { requireRoles } from '../identity/guards.js';
import { actorOf } from '../identity/principal.js';
import { listCustomerOrders } from '../orders/list-customer-orders.js';
import { orderViewSchema } from '../orders/order-views.js';
import type { RouteModule } from '../platform/http/types.js';
import { customerProfileSchema, customerStatusSchema, customerSummarySchema } from './customer-views.js';
import { getCustomerProfile } from './get-customer-profile.js';
import { lockCustomer } from './lock-customer.js';
import { searchCustomers } from './search-customers.js';
import { unlockCustomer } from './unlock-customer.js';

const idParams = z.object({ id: z.string().uuid() });
const reasonBody = z.object({ reason: z.string().trim().min(3).max(500) });
const statusReply = z.object({
  customer: z.object({
    customerId: z.string(),
    status: customerStatusSchema,
    statusReason: z.string().nullable(),
  }),
});

/** Staff views of customers (agents, supervisors, fraud analysts) and account locks. */
export const staffCustomerRoutes: RouteModule = (app, deps) => {
  const readers = requireRoles('agent', 'supervisor', 'fraud_analyst');
  const lockers = requireRoles('supervisor', 'fraud_analyst');
  const security = [{ staffSession: [] }];

  app.get(
    '/api/v1/staff/customers',
    {
      preHandler: readers,
      schema: {
        tags: ['staff'],
        summary: 'Search customers by name, email, phone, order reference or id',
        security,
        querystring: z.object({ q: z.string().trim().min(2).max(200) }),
        response: { 200: z.object({ customers: z.array(customerSummarySchema) }) },
      },
    },
    async (request) => ({ customers: await searchCustomers(deps.db, request.query.q) }),
  );

  app.get(
    '/api/v1/staff/customers/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['staff'],
        summary: 'A customer with every order, plan, payment attempt, fee, refund, return and dispute',
        security,
        params: idParams,
        response: { 200: z.object({ customer: customerProfileSchema, orders: z.array(orderViewSchema) }) },
      },
    },
    async (request) => {
      const customer = await getCustomerProfile(deps.db, request.params.id);
      return { customer, orders: await listCustomerOrders(deps.db, customer.id) };
    },
  );

  app.post(
    '/api/v1/staff/customers/:id/lock',
    {
      preHandler: lockers,
      schema: {
        tags: ['staff'],
        summary: 'Lock an account; the reason is audited and never shown to the customer',
        security,
        params: idParams,
        body: reasonBody,
        response: { 200: statusReply },
      },
    },
    async (request) => ({
      customer: await lockCustomer(deps, actorOf(request), {
        customerId: request.params.id,
        reason: request.body.reason,
      }),
    }),
  );

  app.post(
    '/api/v1/staff/customers/:id/unlock',
    {
      preHandler: lockers,
      schema: {
        tags: ['staff'],
        summary: 'Unlock a locked account',
        security,
        params: idParams,
        body: reasonBody,
        response: { 200: statusReply },
      },
    },
    async (request) => ({
      customer: await unlockCustomer(deps, actorOf(request), {
        customerId: request.params.id,
        reason: request.body.reason,
      }),
    }),
  );
};
