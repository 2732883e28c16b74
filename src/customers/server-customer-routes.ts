import { z } from 'zod';
import { requireApiScope } from '../identity/guards.js';
import { listCustomerOrders } from '../orders/list-customer-orders.js';
import { orderViewSchema } from '../orders/order-views.js';
import type { RouteModule } from '../platform/http/types.js';
import { customerProfileSchema } from './customer-views.js';
import { getCustomerProfile } from './get-customer-profile.js';

/** Server-to-server reads for the host app's backend, with an API key carrying `customers:read`. */
export const serverCustomerRoutes: RouteModule = (app, deps) => {
  const security = [{ apiKey: [] }];
  const params = z.object({ id: z.string().uuid() });

  app.get(
    '/api/v1/customers/:id',
    {
      preHandler: requireApiScope('customers:read'),
      schema: {
        tags: ['server'],
        summary: "A customer's profile (API key with customers:read)",
        security,
        params,
        response: { 200: z.object({ customer: customerProfileSchema }) },
      },
    },
    async (request) => ({ customer: await getCustomerProfile(deps.db, request.params.id) }),
  );

  app.get(
    '/api/v1/customers/:id/orders',
    {
      preHandler: requireApiScope('customers:read'),
      schema: {
        tags: ['server'],
        summary: "A customer's orders with plans and installments (API key with customers:read)",
        security,
        params,
        response: { 200: z.object({ orders: z.array(orderViewSchema) }) },
      },
    },
    async (request) => ({ orders: await listCustomerOrders(deps.db, request.params.id) }),
  );
};
