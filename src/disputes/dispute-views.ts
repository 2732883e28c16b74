import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../platform/db/schema.js';

export const DISPUTE_REASONS = [
  'item_not_received',
  'not_as_described',
  'unrecognized',
  'duplicate',
  'cancelled_order',
  'other',
] as const;

export const disputeViewSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  reason: z.enum(DISPUTE_REASONS),
  status: z.enum(['open', 'under_review', 'resolved_customer', 'resolved_merchant', 'withdrawn']),
  amountMinor: z.number().int(),
  currency: z.enum(['USD', 'SEK']),
  description: z.string().nullable(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type DisputeView = z.infer<typeof disputeViewSchema>;

export const toDisputeView = (d: Selectable<DB['disputes']>): DisputeView => ({
  id: d.id,
  orderId: d.order_id,
  reason: d.reason,
  status: d.status,
  amountMinor: d.amount_minor,
  currency: d.currency,
  description: d.description,
  openedAt: d.opened_at.toISOString(),
  resolvedAt: d.resolved_at?.toISOString() ?? null,
});
