/** The slice of the Tandem conversation API and live protocol the widget uses. */

export type MessageRole = 'customer' | 'assistant' | 'agent' | 'system';
export type ConversationStatus = 'bot' | 'waiting_for_human' | 'with_human' | 'closed';

export interface Citation {
  articleId: string;
  title: string;
  url: string;
}

export interface Message {
  id: string;
  role: MessageRole;
  text: string;
  createdAt: string;
  citations?: Citation[];
  /** On agent messages: the name of the person who wrote it. */
  agentName?: string;
}

/** `position` and `etaSeconds` are optional: shown when the queue knows them. */
export interface Handoff {
  reason: string;
  priority: string;
  queue: string;
  position?: number;
  etaSeconds?: number | undefined;
  /** People online who could take it; 0 means nobody, so a callback is offered. */
  agentsOnline?: number;
  callbackRequested?: boolean;
}

export interface Conversation {
  id: string;
  status: ConversationStatus;
  language: string;
  messages: Message[];
  handoff: Handoff | null;
  /** The customer has been asked to rate the conversation and has not yet. */
  ratingRequested?: boolean;
}

export interface TurnResult {
  status: ConversationStatus;
  language: string;
  messages: Message[];
  handoff: Handoff | null;
}

export interface OpenOptions {
  /** Signed customer token from the host app; without it the conversation is anonymous. */
  token?: string;
  /** BCP 47, e.g. `sv-SE`: the widget's language and the conversation's starting language. */
  locale?: string;
  /** CSS selector or element to render into; without it the widget floats in the corner. */
  mount?: string | Element;
  /** Origin of the Tandem server; '' (default) means this page's origin. */
  apiBase?: string;
  /** `hotline`: the text version of the founder hotline (the persona interviews instead of the assistant). */
  channel?: 'chat' | 'hotline';
  /** Replaces the panel's title and subtitle, e.g. with the persona's name and the AI disclosure. */
  title?: string;
  subtitle?: string;
}

export interface TandemChatApi {
  /** Opens (or re-opens, for a different token or locale) the chat. */
  open(options?: OpenOptions): void;
  /** Closes the live connection and removes the widget. */
  close(): void;
}

declare global {
  interface Window {
    TandemChat?: TandemChatApi;
  }
}
