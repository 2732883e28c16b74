/**
 * Response shapes the agent console reads. They mirror src/workforce/agent-views.ts,
 * src/handoff/offer-views.ts, src/handoff/build-handoff-summary.ts, src/conversations/conversation-views.ts
 * and the console endpoints in /work/notes/console-contract.md (conversations, context, suggestions, actions).
 */
import type { OrderView } from '../../types';

export interface AgentProfile {
  id: string;
  staffUserId: string;
  displayName: string;
  languages: string[];
  skills: string[];
  certification: 'trainee' | 'certified' | 'senior';
  status: 'pending' | 'approved' | 'suspended';
  maxConcurrent: number;
  online: boolean;
  lastHeartbeatAt: string | null;
}

export interface Offer {
  id: string;
  conversationId: string;
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  offeredAt: string;
  expiresAt: string;
}

/** What an offer card shows about the waiting conversation (from offer.created, or read on start). */
export interface OfferConversation {
  language: string | null;
  queue: string | null;
  priority: 'normal' | 'high' | 'urgent' | null;
  waitingSince: string | null;
}

export interface OfferCard extends Offer {
  conversation: OfferConversation;
}

export interface ActiveConversation {
  id: string;
  customerId: string | null;
  customerName: string | null;
  language: string;
  queue: string | null;
  priority: string | null;
  reason: string | null;
  assignedAt: string | null;
  lastMessage: { role: string; text: string; createdAt: string } | null;
}

export type MessageRole = 'customer' | 'assistant' | 'agent' | 'system';

export interface Message {
  id: string;
  role: MessageRole;
  text: string;
  createdAt: string;
  agentName?: string;
  citations?: { articleId: string; title: string; url: string }[];
}

export interface ConversationDetail {
  id: string;
  status: 'bot' | 'waiting_for_human' | 'with_human' | 'closed';
  language: string;
  messages: Message[];
  handoff: { reason: string; priority: string; queue: string } | null;
}

export interface HandoffSummary {
  customer: { id: string | null; name: string | null; verified: boolean };
  language: string;
  reason: string;
  priority: 'normal' | 'high' | 'urgent';
  queue: string;
  need: string;
  facts: {
    orderRefs: string[];
    merchants: string[];
    amounts: { minor: number; currency: string | null; text: string }[];
    dates: string[];
  };
  aiActions: string[];
  aiFailures: string[];
  sentiment: { sentiment: string; frustration: number } | null;
  customerMessages: number;
  lastCustomerMessage: string | null;
  suggestedNextStep: string;
  text: string;
  /** Written by the configured LLM shortly after the handoff, when its figures checked out. */
  llmText?: string;
  llmModel?: string;
  builtAt: string;
}

export interface ConversationContext {
  customer: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    country: string | null;
    locale: string | null;
    status: string;
    verified: boolean;
  } | null;
  orders: OrderView[];
  nextPayment: {
    installmentId: string;
    orderId: string;
    amountMinor: number;
    currency: string;
    dueDate: string;
  } | null;
  recentConversations: {
    id: string;
    startedAt: string;
    status: string;
    handledBy: 'ai' | 'human';
    reason: string | null;
    resolutionCode: string | null;
  }[];
}

export type ActionName = 'postpone_installment' | 'register_return' | 'open_dispute' | 'waive_late_fee';

export interface SuggestedReply {
  id: string;
  kind: 'article' | 'action';
  title: string;
  text: string;
  articleSlug?: string;
}

export interface SuggestedAction {
  action: ActionName;
  label: string;
  available: boolean;
  unavailableReason?: string;
  defaults?: Record<string, unknown>;
}

export interface Suggestions {
  replies: SuggestedReply[];
  actions: SuggestedAction[];
}

export interface Note {
  id: string;
  authorName: string;
  text: string;
  createdAt: string;
}

export interface Earnings {
  totals: { currency: string; amountMinor: number }[];
  entries: { id: string; kind: string; amountMinor: number; currency: string; createdAt: string }[];
}

/** src/conversations/human-copy.ts RESOLUTION_CODES. */
export const RESOLUTION_CODES = [
  'resolved',
  'information_given',
  'payment_arranged',
  'hardship_plan',
  'dispute_handled',
  'fraud_handled',
  'complaint_logged',
  'referred_elsewhere',
  'customer_unresponsive',
  'handed_back_to_ai',
  'other',
] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  sv: 'Swedish',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  vi: 'Vietnamese',
};

export const languageName = (code: string | null | undefined): string =>
  code ? (LANGUAGE_NAMES[code] ?? code) : '—';
