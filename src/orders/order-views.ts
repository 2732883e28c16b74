import type { Selectable } from 'kysely';
import { z } from 'zod';
import { disputeViewSchema } from '../disputes/dispute-views.js';
import type { DB, Installment } from '../platform/db/schema.js';
import { refundViewSchema, returnViewSchema } from '../refunds/refund-views.js';
import { remainingMinor } from './domain.js';

/*
 * The shapes the customer app, the assistant and the agent console read. The zod
 * schemas double as HTTP response schemas (and OpenAPI), the types are inferred from them.
 * Amounts are integer minor units next to an ISO currency; timestamps are ISO strings,
 * due dates plain `YYYY-MM-DD`.
 */

export const currencySchema = z.enum(['USD', 'SEK']);

export const installmentViewSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  dueDate: z.string(),
  amountMinor: z.number().int(),
  paidMinor: z.number().int(),
  remainingMinor: z.number().int(),
  status: z.enum(['scheduled', 'paid', 'late', 'failed', 'paused', 'cancelled', 'waived']),
  paidAt: z.string().nullable(),
});
export type InstallmentView = z.infer<typeof installmentViewSchema>;

export const paymentViewSchema = z.object({
  id: z.string(),
  planId: z.string(),
  installmentId: z.string().nullable(),
  paymentMethodId: z.string().nullable(),
  amountMinor: z.number().int(),
  currency: currencySchema,
  status: z.enum(['succeeded', 'failed', 'pending', 'refunded']),
  failureCode: z.string().nullable(),
  failureReason: z.string().nullable(),
  attemptedAt: z.string(),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

export const lateFeeViewSchema = z.object({
  id: z.string(),
  installmentId: z.string(),
  amountMinor: z.number().int(),
  currency: currencySchema,
  status: z.enum(['charged', 'paid', 'waived']),
  waivedReason: z.string().nullable(),
  assessedAt: z.string(),
});
export type LateFeeView = z.infer<typeof lateFeeViewSchema>;

export const planViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['pay_in_4', 'pay_in_30', 'financing']),
  status: z.enum(['active', 'paused', 'completed', 'cancelled', 'defaulted']),
  principalMinor: z.number().int(),
  currency: currencySchema,
  aprBps: z.number().int(),
  termMonths: z.number().int().nullable(),
  installmentCount: z.number().int(),
  paymentMethodId: z.string().nullable(),
  pausedReason: z.string().nullable(),
  postponementsUsed: z.number().int(),
  outstandingMinor: z.number().int(),
  installments: z.array(installmentViewSchema),
  payments: z.array(paymentViewSchema),
  lateFees: z.array(lateFeeViewSchema),
});
export type PlanView = z.infer<typeof planViewSchema>;

export const orderViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(['active', 'completed', 'cancelled', 'refunded', 'partially_refunded']),
  merchant: z.object({ id: z.string(), name: z.string() }),
  totalMinor: z.number().int(),
  currency: currencySchema,
  channel: z.enum(['online', 'in_store', 'app']),
  placedAt: z.string(),
  items: z.array(
    z.object({
      description: z.string(),
      quantity: z.number().int(),
      unitPriceMinor: z.number().int(),
      totalMinor: z.number().int(),
    }),
  ),
  refundedMinor: z.number().int(),
  plan: planViewSchema.nullable(),
  refunds: z.array(refundViewSchema),
  returns: z.array(returnViewSchema),
  disputes: z.array(disputeViewSchema),
});
export type OrderView = z.infer<typeof orderViewSchema>;

export const toInstallmentView = (i: Installment): InstallmentView => ({
  id: i.id,
  seq: i.seq,
  dueDate: i.due_date,
  amountMinor: i.amount_minor,
  paidMinor: i.paid_minor,
  remainingMinor: i.status === 'cancelled' || i.status === 'waived' ? 0 : remainingMinor(i),
  status: i.status,
  paidAt: i.paid_at?.toISOString() ?? null,
});

export const toPaymentView = (p: Selectable<DB['payments']>): PaymentView => ({
  id: p.id,
  planId: p.plan_id,
  installmentId: p.installment_id,
  paymentMethodId: p.payment_method_id,
  amountMinor: p.amount_minor,
  currency: p.currency,
  status: p.status,
  failureCode: p.failure_code,
  failureReason: p.failure_reason,
  attemptedAt: p.attempted_at.toISOString(),
});

export const toLateFeeView = (f: Selectable<DB['late_fees']>): LateFeeView => ({
  id: f.id,
  installmentId: f.installment_id,
  amountMinor: f.amount_minor,
  currency: f.currency,
  status: f.status,
  waivedReason: f.waived_reason,
  assessedAt: f.assessed_at.toISOString(),
});
