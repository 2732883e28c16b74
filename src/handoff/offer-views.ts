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

/** What an agent sees of the conversation an offer is for, before accepting (no customer details). */
export const offeredConversationSchema = z.object({
  id: z.string(),
  language: z.string(),
  queue: z.string().nullable(),
  priority: z.string().nullable(),
  requiredSkills: z.array(z.string()),
  waitingSince: z.string().nullable(),
});
export type OfferedConversation = z.infer<typeof offeredConversationSchema>;

export function toOfferedConversation(row: {
  id: string;
  language: string;
  queue: string | null;
  priority: string | null;
  required_skills: string[];
  waiting_since: Date | null;
}): OfferedConversation {
  return {
    id: row.id,
    language: row.language,
    queue: row.queue,
    priority: row.priority,
    requiredSkills: row.required_skills,
    waitingSince: row.waiting_since ? new Date(row.waiting_since).toISOString() : null,
  };
}
