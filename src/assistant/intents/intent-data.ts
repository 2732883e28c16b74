import { join } from 'node:path';
import type { Language } from '../language/detect-language.js';
import { findPackageRoot } from '../language/package-root.js';
import { parseTrainingCsv, readTrainingCsv, type TrainingSetSpec } from '../training/training-data.js';

export { hashTrainingData } from '../training/training-data.js';

/** Tandem's BNPL intents; `oos` is everything the assistant should not try to answer. */
export const INTENTS = [
  'next_payment',
  'payment_schedule',
  'pay_installment',
  'pay_off_plan',
  'postpone_payment',
  'refund_status',
  'register_return',
  'dispute_purchase',
  'declined_purchase',
  'update_payment_method',
  'late_fees',
  'close_account',
  'unrecognised_purchase',
  'lost_card',
  'hardship',
  'talk_to_human',
  'greeting',
  'thanks',
  'goodbye',
  'affirm',
  'deny',
  'how_it_works',
  'complaint',
  'oos',
] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}

export interface IntentExample {
  text: string;
  intent: Intent;
  language: Language;
}

export function intentsDirectory(): string {
  return join(findPackageRoot(), 'src', 'assistant', 'intents');
}

export const TRAINING_SET_FILE = 'training-set.csv';
export const EVALUATION_SET_FILE = 'evaluation-set.csv';

export const INTENT_SET: TrainingSetSpec<Intent> = { labelColumn: 'intent', isLabel: isIntent };

/** Parses a `text,intent,language` CSV; unknown intents or languages are errors, not silent noise. */
export function parseIntentCsv(content: string, source: string): IntentExample[] {
  return parseTrainingCsv(content, source, INTENT_SET).map(({ text, label, language }) => ({
    text,
    intent: label,
    language,
  }));
}

export interface IntentDataFile {
  examples: IntentExample[];
  sha256: string;
}

export async function readIntentCsv(path: string): Promise<IntentDataFile> {
  const { examples, sha256 } = await readTrainingCsv(path, INTENT_SET);
  return {
    examples: examples.map(({ text, label, language }) => ({ text, intent: label, language })),
    sha256,
  };
}
