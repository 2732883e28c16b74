import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isLanguage, type Language } from '../language/detect-language.js';
import { findPackageRoot } from '../language/package-root.js';
import { CsvError, parseCsv } from '../nlu/csv.js';

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

/**
 * SHA-256 of the CSV text, stored in the model so a stale model can be detected. Line ends are
 * normalised so a checkout with CRLF (git autocrlf) does not look stale.
 */
export function hashTrainingData(bytes: Buffer | string): string {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/** Parses a `text,intent,language` CSV; unknown intents or languages are errors, not silent noise. */
export function parseIntentCsv(content: string, source: string): IntentExample[] {
  const [header, ...records] = parseCsv(content);
  const names = header?.fields.map((f) => f.trim()).join(',');
  if (names !== 'text,intent,language') {
    throw new CsvError(`${source}: header must be text,intent,language, got ${names ?? '(empty)'}`);
  }
  return records.map(({ line, fields }) => {
    const [text = '', intent = '', language = ''] = fields;
    if (fields.length !== 3) throw new CsvError(`${source} line ${line}: expected 3 fields`);
    if (text.trim() === '') throw new CsvError(`${source} line ${line}: empty text`);
    if (!isIntent(intent)) throw new CsvError(`${source} line ${line}: unknown intent "${intent}"`);
    if (!isLanguage(language)) throw new CsvError(`${source} line ${line}: unknown language "${language}"`);
    return { text, intent, language };
  });
}

export interface IntentDataFile {
  examples: IntentExample[];
  sha256: string;
}

export async function readIntentCsv(path: string): Promise<IntentDataFile> {
  const bytes = await readFile(path);
  return { examples: parseIntentCsv(bytes.toString('utf8'), path), sha256: hashTrainingData(bytes) };
}
