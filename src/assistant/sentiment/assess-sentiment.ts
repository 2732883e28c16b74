import { classify } from '../nlu/train-classifier.js';
import { type FrustrationCue, frustrationCues, STRONG_CUES } from './frustration-cues.js';
import { isSentiment, type Sentiment } from './sentiment-data.js';
import type { SentimentModel } from './sentiment-model-file.js';
import { sentimentText } from './sentiment-text.js';

export interface SentimentAssessment {
  sentiment: Sentiment;
  /** The model's probability for `sentiment` (0 when nothing in the text was recognised). */
  confidence: number;
  /** 0..1: how frustrated the customer sounds, from the model's negativity and the cues together. */
  frustration: number;
  cues: FrustrationCue[];
}

/**
 * How much each cue adds to frustration; combined as independent evidence (1 − Π(1 − w)). A strong
 * cue alone reaches STRONG_FRUSTRATION; negativity alone stays below UPSET, so "my payment failed"
 * is negative but neither acknowledged as upset nor handed over.
 */
const CUE_WEIGHT: Readonly<Record<FrustrationCue, number>> = {
  shouting: 0.6,
  swearing: 0.6,
  insult: 0.6,
  exclamations: 0.6,
  repeated_punctuation: 0.15,
  upset_words: 0.3,
  angry_emoji: 0.2,
  repeated_attempt: 0.35,
  repeated_message: 0.35,
};
const NEGATIVITY_WEIGHT = 0.35;
/** "THANK YOU SO MUCH!!!" is loud, not angry: loudness counts for little in a plainly happy message. */
const HAPPY_CONFIDENCE = 0.7;
const HAPPY_DAMPING = 0.25;

/** At or above: the customer is upset and the reply should say so (when the message is negative). */
export const UPSET = 0.4;
/** At or above: frustrated enough that a person should take over. */
export const STRONG_FRUSTRATION = 0.66;

/**
 * The sentiment of one customer message and how frustrated they sound. `recent` are the customer's
 * earlier messages in this conversation, oldest first (a repeated message is a frustration cue).
 */
export function assessSentiment(
  model: SentimentModel,
  text: string,
  recent: readonly string[] = [],
): SentimentAssessment {
  const prediction = classify(model.classifier, sentimentText(text), 3);
  // Nothing recognised (emoji only, an untaught language): no evidence either way.
  const sentiment: Sentiment = isSentiment(prediction.label) ? prediction.label : 'neutral';
  const confidence = sentiment === prediction.label ? prediction.confidence : 0;
  const negativity = prediction.ranked.find((r) => r.label === 'negative')?.probability ?? 0;
  const happy = sentiment === 'positive' && confidence >= HAPPY_CONFIDENCE;
  const cues = frustrationCues(text, recent);
  let calm = 1 - NEGATIVITY_WEIGHT * negativity;
  for (const cue of cues) {
    const damp = happy && cue !== 'insult' ? HAPPY_DAMPING : 1;
    calm *= 1 - CUE_WEIGHT[cue] * damp;
  }
  return { sentiment, confidence, frustration: Math.round((1 - calm) * 1000) / 1000, cues };
}

/** Cues where the customer says or shows how they feel, rather than what went wrong. */
const EXPRESSED: ReadonlySet<FrustrationCue> = new Set([
  'upset_words',
  'angry_emoji',
  'swearing',
  'insult',
  'shouting',
  'exclamations',
]);

/**
 * Clearly upset, so the reply should acknowledge it: a negative message frustrated enough, or any
 * message where the customer says or shows they are upset ("I'm annoyed, when is my payment?"
 * reads as a neutral question to the model). Never for a plainly happy message.
 */
export function isUpset(assessment: SentimentAssessment): boolean {
  if (assessment.sentiment === 'positive' && assessment.confidence >= HAPPY_CONFIDENCE) return false;
  if (assessment.sentiment === 'negative' && assessment.frustration >= UPSET) return true;
  return assessment.cues.some((c) => EXPRESSED.has(c));
}

/**
 * Frustrated enough for a person: any strong cue (shouting, swearing, "useless", "!!!") unless the
 * message is plainly happy, or several milder signals together ("third time", upset words, a repeat).
 */
export function isStronglyFrustrated(
  assessment: SentimentAssessment,
  threshold = STRONG_FRUSTRATION,
): boolean {
  const happy = assessment.sentiment === 'positive' && assessment.confidence >= HAPPY_CONFIDENCE;
  const strongCue = assessment.cues.some((c) => STRONG_CUES.has(c) && (!happy || c === 'insult'));
  return strongCue || assessment.frustration >= threshold;
}
