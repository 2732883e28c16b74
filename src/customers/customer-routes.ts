import { z } from 'zod';
import { requireCustomer } from '../identity/guards.js';
import { customerPrincipal } from '../identity/principal.js';
import { todayOf } from '../orders/domain.js';
import { getNextPayment, nextPaymentSchema } from '../orders/get-next-payment.js';
import { listCustomerOrders } from '../orders/list-customer-orders.js';
import { orderViewSchema } from '../orders/order-views.js';
import type { RouteModule } from '../platform/http/types.js';
import { customerProfileSchema } from './customer-views.js';
import { getCustomerProfile } from './get-customer-profile.js';

/** The signed-in customer's own account: profile, orders with their full schedule, next payment. */
export const customerRoutes: RouteModule = (app, deps) => {
  const security = [{ customerToken: [] }];

  app.get(
    '/api/v1/me',
    {
      preHandler: requireCustomer,
      schema: {
        tags: ['customer'],
        summary: 'My profile, balance and payment methods (brand and last four only)',
        security,
        response: { 200: z.object({ customer: customerProfileSchema }) },
      },
    },
    async (request) => ({
      customer: await getCustomerProfile(deps.db, customerPrincipal(request).customerId),
    }),
  );

  app.get(
    '/api/v1/me/orders',
    {
      preHandler: requireCustomer,
      schema: {
        tags: ['customer'],
        summary:
          'My orders with plan, installments, payment attempts, late fees, refunds, returns and disputes',
        description: 'Amounts are integer minor units (cents, öre) next to their ISO currency.',
        security,
        response: { 200: z.object({ orders: z.array(orderViewSchema) }) },
      },
    },
    async (request) => ({ orders: await listCustomerOrders(deps.db, customerPrincipal(request).customerId) }),
  );

  app.get(
    '/api/v1/me/next-payment',
    {
      preHandler: requireCustomer,
      schema: {
        tags: ['customer'],
        summary: 'The installment I should pay next (null when nothing is due)',
        security,
        response: { 200: z.object({ nextPayment: nextPaymentSchema.nullable() }) },
      },
    },
    async (request) => ({
      nextPayment: await getNextPayment(deps.db, customerPrincipal(request).customerId, todayOf(deps.clock)),
    }),
  );
};
