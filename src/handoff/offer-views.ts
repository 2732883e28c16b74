import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DispatchOffersTable } from '../platform/db/schema.js';

export type OfferRow = Selectable<DispatchOffersTable>;

export const offerViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  agentId: z.string(),
  status: z.enum(['pending', 'accepted', 'declined', 'expired', 'withdrawn']),
  offeredAt: z.string(),
  expiresAt: z.string().describe('The offer lapses at this time and goes to the next agent'),
  answeredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
});
export type OfferView = z.infer<typeof offerViewSchema>;

export function toOfferView(row: OfferRow): OfferView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    agentId: row.agent_id,
    status: row.status,
    offeredAt: new Date(row.offered_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    declineReason: row.decline_reason,
  };
}
