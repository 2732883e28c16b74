import type { Language } from '../assistant/language/detect-language.js';
import type { KbCitation } from '../knowledge/search-articles.js';

export type ConversationStatus = 'bot' | 'waiting_for_human' | 'with_human' | 'closed';
export type ConversationChannel = 'chat' | 'hotline';
export type MessageRole = 'customer' | 'assistant' | 'agent' | 'system';

export interface StoredMessage {
  id: string;
  role: MessageRole;
  text: string;
  createdAt: Date;
  citations?: KbCitation[];
}

/** What the assistant knows when it answers one customer message. */
export interface ConversationContext {
  conversationId: string;
  /** Set when the conversation was opened with a valid customer token (identity verified by the host app). */
  customerId: string | null;
  language: Language;
  channel: ConversationChannel;
  /** The customer's stored locale (e.g. `sv-SE`) when known; undefined means "not looked up". */
  customerLocale?: string | null;
  /** The most recent messages, oldest first, ending with the message being answered. */
  history: StoredMessage[];
  /** The assistant's own state between turns (pending confirmation, counters); stored as JSON. */
  state: Record<string, unknown>;
  now: Date;
}

export interface AssistantReply {
  text: string;
  citations?: KbCitation[];
}

export interface HandoffRequest {
  reason: string;
  priority: 'normal' | 'high' | 'urgent';
  queue: string;
}

/** One assistant turn: replies in `language`, the new state, and a structured handoff decision if any. */
export interface AssistantTurn {
  language: Language;
  replies: AssistantReply[];
  state: Record<string, unknown>;
  handoff?: HandoffRequest;
}

/**
 * The port between the conversation service and the assistant. The conversation
 * service stores messages, status and state and publishes live events; the
 * assistant decides what to say and whether to hand over.
 */
export interface Assistant {
  greet(context: ConversationContext): Promise<AssistantTurn>;
  respond(context: ConversationContext, customerText: string): Promise<AssistantTurn>;
}
