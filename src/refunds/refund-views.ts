import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../platform/db/schema.js';

const currency = z.enum(['USD', 'SEK']);

export const refundViewSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  returnId: z.string().nullable(),
  amountMinor: z.number().int(),
  currency,
  status: z.enum(['pending', 'processed', 'failed']),
  reason: z.string(),
  createdAt: z.string(),
  processedAt: z.string().nullable(),
});
export type RefundView = z.infer<typeof refundViewSchema>;

export const returnViewSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  status: z.enum(['requested', 'in_transit', 'received', 'rejected']),
  reason: z.string(),
  trackingNumber: z.string().nullable(),
  requestedAt: z.string(),
  updatedAt: z.string(),
});
export type ReturnView = z.infer<typeof returnViewSchema>;

export const toRefundView = (r: Selectable<DB['refunds']>): RefundView => ({
  id: r.id,
  orderId: r.order_id,
  returnId: r.return_id,
  amountMinor: r.amount_minor,
  currency: r.currency,
  status: r.status,
  reason: r.reason,
  createdAt: r.created_at.toISOString(),
  processedAt: r.processed_at?.toISOString() ?? null,
});

export const toReturnView = (r: Selectable<DB['returns']>): ReturnView => ({
  id: r.id,
  orderId: r.order_id,
  status: r.status,
  reason: r.reason,
  trackingNumber: r.tracking_number,
  requestedAt: r.requested_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
