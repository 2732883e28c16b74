import type { AssistantReply, HandoffRequest } from '../../../conversations/assistant-port.js';
import type { EscalationPolicy } from '../../../handoff/escalation-policy.js';
import type { KnowledgeBaseSearch } from '../../../knowledge/search-articles.js';
import type { DomainDeps } from '../../../orders/domain.js';
import type { IntentModel } from '../../intents/intent-model-file.js';
import type { Language } from '../../language/detect-language.js';
import type { SentimentAssessment } from '../../sentiment/assess-sentiment.js';
import type { SentimentModel } from '../../sentiment/sentiment-model-file.js';
import type { Copy } from '../replies.js';
import type { Pending } from '../state.js';

export interface BuiltinAssistantDeps extends DomainDeps {
  kb: KnowledgeBaseSearch;
  intents: IntentModel;
  sentiment: SentimentModel;
  /** When to hand over to a person; DEFAULT_ESCALATION_POLICY when left out. */
  escalation?: EscalationPolicy;
}

/** What a flow knows about the current message. */
export interface Turn {
  text: string;
  intent: string;
  confidence: number;
  /** How the message feels and how frustrated the customer sounds, computed once per turn. */
  sentiment: SentimentAssessment;
  language: Language;
  copy: Copy;
  /** For Intl formatting of amounts and dates. */
  locale: string;
  customerId: string | null;
  /** `YYYY-MM-DD` of the conversation's clock. */
  today: string;
  conversationId: string;
}

export interface FlowResult {
  replies: AssistantReply[];
  handoff?: HandoffRequest;
  /** False when the customer's need is still open (asked again next turn = a loop). */
  resolved: boolean;
  /** Left undefined to keep whatever is pending; null to clear it. */
  pending?: Pending | null;
}
