import type { Selectable } from 'kysely';
import { z } from 'zod';
import { isLanguage, type Language } from '../assistant/language/detect-language.js';
import type { KbCitation } from '../knowledge/search-articles.js';
import type { ConversationMessagesTable, ConversationsTable } from '../platform/db/schema.js';
import type { ConversationStatus, HandoffRequest, StoredMessage } from './assistant-port.js';

export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<ConversationMessagesTable>;

export const conversationTopic = (conversationId: string): string => `conversation:${conversationId}`;

export const MAX_MESSAGE_CHARS = 4000;

const citationSchema = z.object({ articleId: z.string(), title: z.string(), url: z.string() });

export const messageViewSchema = z.object({
  id: z.string(),
  role: z.enum(['customer', 'assistant', 'agent', 'system']),
  text: z.string().describe('Plain text; never HTML. Clients must render it as text.'),
  createdAt: z.string(),
  citations: z.array(citationSchema).optional(),
  agentName: z.string().optional().describe('On agent messages: the display name of the person who wrote it'),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const handoffSchema = z.object({
  reason: z.string(),
  priority: z.enum(['normal', 'high', 'urgent']),
  queue: z.string(),
  // Live queue figures while waiting for a person (src/handoff/queue-status.ts).
  position: z.number().int().optional().describe('1 = next for the kind of agent this conversation needs'),
  etaSeconds: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe('Estimated wait; null when nobody who could take it is online'),
  agentsOnline: z.number().int().optional().describe('Online agents who could take it'),
  callbackRequested: z.boolean().optional(),
});

export const conversationStatusSchema = z.enum(['bot', 'waiting_for_human', 'with_human', 'closed']);

export const conversationViewSchema = z.object({
  id: z.string(),
  status: conversationStatusSchema,
  language: z.string(),
  messages: z.array(messageViewSchema),
  handoff: handoffSchema.nullable(),
  ratingRequested: z
    .boolean()
    .optional()
    .describe('True when the customer has been asked to rate the conversation and has not yet'),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;

/** `sv-SE` → `sv`; undefined when the locale names no language the assistant speaks. */
export function languageFromLocale(locale: string | null | undefined): Language | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && isLanguage(primary) ? primary : undefined;
}

/** The stored language, defended against rows written by older code or by hand. */
export function languageOf(row: Pick<ConversationRow, 'language'>): Language {
  return isLanguage(row.language) ? row.language : 'en';
}

export function citationsOf(row: Pick<MessageRow, 'citations'>): KbCitation[] | undefined {
  return Array.isArray(row.citations) && row.citations.length ? (row.citations as KbCitation[]) : undefined;
}

export function handoffOf(row: Pick<ConversationRow, 'handoff'>): HandoffRequest | null {
  return row.handoff && typeof row.handoff === 'object' ? (row.handoff as HandoffRequest) : null;
}

export function stateOf(row: Pick<ConversationRow, 'assistant_state'>): Record<string, unknown> {
  const state = row.assistant_state;
  return state && typeof state === 'object' && !Array.isArray(state)
    ? (state as Record<string, unknown>)
    : {};
}

export function toMessageView(row: MessageRow): MessageView {
  const citations = citationsOf(row);
  return {
    id: row.id,
    role: row.role,
    text: row.text,
    createdAt: row.created_at.toISOString(),
    ...(citations ? { citations } : {}),
  };
}

/** An agent's message with the name the customer sees beside it. */
export function toAgentMessageView(row: MessageRow, agentNames: ReadonlyMap<string, string>): MessageView {
  const name = row.agent_id ? agentNames.get(row.agent_id) : undefined;
  return name ? { ...toMessageView(row), agentName: name } : toMessageView(row);
}

export function toStoredMessage(row: MessageRow): StoredMessage {
  const citations = citationsOf(row);
  return {
    id: row.id,
    role: row.role,
    text: row.text,
    createdAt: row.created_at,
    ...(citations ? { citations } : {}),
  };
}

export function toConversationView(
  row: ConversationRow,
  messages: MessageRow[],
  extra: { agentNames?: ReadonlyMap<string, string>; ratingRequested?: boolean } = {},
): ConversationView {
  const names = extra.agentNames ?? new Map<string, string>();
  return {
    id: row.id,
    status: row.status satisfies ConversationStatus,
    language: row.language,
    messages: messages.map((m) => toAgentMessageView(m, names)),
    handoff: handoffOf(row),
    ...(extra.ratingRequested !== undefined ? { ratingRequested: extra.ratingRequested } : {}),
  };
}
