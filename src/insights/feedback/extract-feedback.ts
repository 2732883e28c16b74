import { detectLanguage, isLanguage, type Language } from '../../assistant/language/detect-language.js';
import { assessSentiment } from '../../assistant/sentiment/assess-sentiment.js';
import type { SentimentModel } from '../../assistant/sentiment/sentiment-model-file.js';
import { normaliseCallerText } from '../../hotline/interview/cue-match.js';
import { type FeedbackCue, feedbackCues } from '../../hotline/interview/feedback-cues.js';
import type { FeedbackKind, FeedbackSentiment, FeedbackUrgency } from '../../platform/db/schema.js';
import { type Redaction, redactPersonalData } from '../../platform/privacy/redact-personal-data.js';
import { hasUrgentCue, isQuestion, onlyCourtesy } from './feedback-signals.js';
import { classifyProductArea, type ProductTaxonomy } from './product-areas.js';

/** What extraction needs: the trained sentiment model and the product-area taxonomy. */
export interface FeedbackExtractor {
  sentiment: SentimentModel;
  taxonomy: ProductTaxonomy;
}

export interface FeedbackContext {
  /** The language the source says it is in (call, conversation, import column); detection may override a guess. */
  language?: string | null | undefined;
  /** The source's language is certain (a hotline call's): no detection. */
  languageKnown?: boolean;
  /** The kind is already decided (the hotline interview's): the text is feedback whatever it says. */
  kind?: FeedbackKind | undefined;
  /**
   * A customer's chat message: most are support questions, not feedback, so questions are never
   * feedback and praise needs a real sentence ("great, thanks" is politeness).
   */
  conversational?: boolean;
  /** A CSAT score 1–5 next to a comment: a low score makes a cue-less comment a complaint. */
  ratingScore?: number | undefined;
}

export interface FeedbackDraft {
  /** Verbatim, personal data replaced by placeholders. */
  quote: string;
  language: Language;
  kind: FeedbackKind;
  productArea: string;
  sentiment: FeedbackSentiment;
  /** -1 (surely negative) .. 1 (surely positive). */
  sentimentScore: number;
  urgency: FeedbackUrgency;
  redactions: Redaction['found'];
}

// When several cues fire, the most actionable kind wins: a broken thing over a wish over a gripe.
const PRIORITY: readonly FeedbackCue[] = ['bug', 'feature_request', 'complaint', 'praise'];
const SURE = 0.7;
const MIN_CHAT_PRAISE_WORDS = 5;

/**
 * Turns one text into a feedback item draft, or null when it holds no feedback ("ok", "thanks",
 * a plain support question in a chat). The text is redacted first and everything is judged on the
 * redacted text, so personal data never reaches a stored quote.
 */
export function extractFeedback(
  extractor: FeedbackExtractor,
  text: string,
  context: FeedbackContext = {},
): FeedbackDraft | null {
  const redacted = redactPersonalData(text.trim());
  const quote = redacted.text;
  const normal = normaliseCallerText(quote);
  if (normal === '' || (!context.kind && onlyCourtesy(normal))) return null;

  const language = languageOf(quote, context);
  const assessment = assessSentiment(extractor.sentiment, quote);
  const kind = context.kind ?? kindOf(quote, normal, language, assessment, context);
  if (!kind) return null;

  const { sentiment, score } = sentimentOf(assessment, kind);
  const urgency: FeedbackUrgency = hasUrgentCue(normal, language)
    ? 'high'
    : sentiment === 'negative' && kind === 'bug'
      ? 'normal'
      : 'low';
  return {
    quote,
    language,
    kind,
    productArea: classifyProductArea(extractor.taxonomy, normal, language),
    sentiment,
    sentimentScore: Math.round(score * 1000) / 1000,
    urgency,
    redactions: redacted.found,
  };
}

/**
 * The trained model's sentiment, unless the kind contradicts it: the model learnt from support
 * messages and reads much praise ("jag älskar hur smidigt det är") as neutral or negative. An
 * override scores ±0.5, so the model's own confident scores stay distinguishable.
 */
function sentimentOf(
  assessment: ReturnType<typeof assessSentiment>,
  kind: FeedbackKind,
): { sentiment: FeedbackSentiment; score: number } {
  if (kind === 'praise' && assessment.sentiment !== 'positive') return { sentiment: 'positive', score: 0.5 };
  if ((kind === 'complaint' || kind === 'bug') && assessment.sentiment === 'positive')
    return { sentiment: 'negative', score: -0.5 };
  const sign = assessment.sentiment === 'positive' ? 1 : assessment.sentiment === 'negative' ? -1 : 0;
  return { sentiment: assessment.sentiment, score: sign * assessment.confidence };
}

function languageOf(text: string, context: FeedbackContext): Language {
  const given = context.language?.slice(0, 2).toLowerCase();
  const fallback = given && isLanguage(given) ? given : 'en';
  if (context.languageKnown && given && isLanguage(given)) return given;
  return detectLanguage(text, { fallback }).language;
}

function kindOf(
  text: string,
  normal: string,
  language: Language,
  assessment: ReturnType<typeof assessSentiment>,
  context: FeedbackContext,
): FeedbackKind | null {
  const cues = feedbackCues(text, language);
  const words = normal.split(' ').length;
  for (const cue of PRIORITY) {
    if (!cues.includes(cue)) continue;
    if (cue === 'praise' && context.conversational && words < MIN_CHAT_PRAISE_WORDS) return null;
    return cue;
  }
  // Fraud, money lost, legal threats: always worth a look, even without a feedback word.
  if (hasUrgentCue(normal, language)) return 'complaint';
  // A rating's comment is feedback by definition; its score says which way.
  if (context.ratingScore !== undefined) {
    if (context.ratingScore <= 2) return 'complaint';
    if (context.ratingScore >= 4) return words >= 2 ? 'praise' : null;
  }
  if (context.conversational) return null;
  if (assessment.sentiment === 'negative' && assessment.confidence >= SURE) return 'complaint';
  if (assessment.sentiment === 'positive' && assessment.confidence >= SURE && words >= 2) return 'praise';
  if (isQuestion(text, normal, language)) return 'question';
  return null;
}
