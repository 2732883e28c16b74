import { z } from 'zod';
import { requireCustomer, requireRoles } from '../identity/guards.js';
import { actorOf, customerPrincipal } from '../identity/principal.js';
import type { RouteModule } from '../platform/http/types.js';
import { installmentViewSchema, lateFeeViewSchema, paymentViewSchema } from './order-views.js';
import { payInstallment } from './pay-installment.js';
import { MAX_POSTPONE_DAYS, postponeInstallment } from './postpone-installment.js';
import { waiveLateFee } from './waive-late-fee.js';

const installmentParams = z.object({ installmentId: z.string().uuid() });

/** Paying and postponing installments (customers) and waiving late fees (staff). */
export const installmentRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/me/installments/:installmentId/pay',
    {
      preHandler: requireCustomer,
      schema: {
        tags: ['customer'],
        summary: 'Pay one installment now (plus any late fee on it)',
        description:
          'Idempotent per idempotencyKey: a retry with the same key returns the first result. A declined charge is ' +
          'recorded and returned with outcome "failed"; retry with a new key after fixing the payment method.',
        security: [{ customerToken: [] }],
        params: installmentParams,
        body: z.object({
          idempotencyKey: z.string().trim().min(1).max(200),
          paymentMethodId: z.string().uuid().optional(),
        }),
        response: {
          200: z.object({
            outcome: z.enum(['succeeded', 'failed']),
            replayed: z.boolean(),
            payment: paymentViewSchema,
            installment: installmentViewSchema,
            lateFeesPaidMinor: z.number().int(),
            planStatus: z.enum(['active', 'paused', 'completed', 'cancelled', 'defaulted']),
          }),
        },
      },
    },
    async (request) => {
      const { customerId } = customerPrincipal(request);
      return payInstallment(deps, actorOf(request), {
        customerId,
        installmentId: request.params.installmentId,
        idempotencyKey: request.body.idempotencyKey,
        paymentMethodId: request.body.paymentMethodId,
      });
    },
  );

  app.post(
    '/api/v1/me/installments/:installmentId/postpone',
    {
      preHandler: requireCustomer,
      schema: {
        tags: ['customer'],
        summary: `Move the next installment's due date by up to ${MAX_POSTPONE_DAYS} days (once per plan)`,
        security: [{ customerToken: [] }],
        params: installmentParams,
        body: z.object({ days: z.number().int().min(1).max(MAX_POSTPONE_DAYS) }),
        response: {
          200: z.object({
            installment: installmentViewSchema,
            previousDueDate: z.string(),
            postponementsUsed: z.number().int(),
          }),
        },
      },
    },
    async (request) =>
      postponeInstallment(deps, actorOf(request), {
        customerId: customerPrincipal(request).customerId,
        installmentId: request.params.installmentId,
        days: request.body.days,
      }),
  );

  app.post(
    '/api/v1/staff/late-fees/:id/waive',
    {
      preHandler: requireRoles('supervisor', 'agent'),
      schema: {
        tags: ['staff'],
        summary: 'Waive a charged late fee',
        security: [{ staffSession: [] }],
        params: z.object({ id: z.string().uuid() }),
        body: z.object({ reason: z.string().trim().min(3).max(500) }),
        response: { 200: z.object({ lateFee: lateFeeViewSchema }) },
      },
    },
    async (request) => ({
      lateFee: await waiveLateFee(deps, actorOf(request), {
        lateFeeId: request.params.id,
        reason: request.body.reason,
      }),
    }),
  );
};
