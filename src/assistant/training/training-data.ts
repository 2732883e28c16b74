import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isLanguage, type Language } from '../language/detect-language.js';
import { CsvError, parseCsv } from '../nlu/csv.js';

/** One row of a Tandem training or evaluation set: `text,<label column>,language`. */
export interface LabelledExample<L extends string> {
  text: string;
  label: L;
  language: Language;
}

/** What a training set's CSV looks like: the name of its label column and the labels it allows. */
export interface TrainingSetSpec<L extends string> {
  labelColumn: string;
  isLabel(value: string): value is L;
}

export interface TrainingDataFile<L extends string> {
  examples: LabelledExample<L>[];
  sha256: string;
}

/**
 * SHA-256 of the CSV text, stored in the model so a stale model can be detected. Line ends are
 * normalised so a checkout with CRLF (git autocrlf) does not look stale.
 */
export function hashTrainingData(bytes: Buffer | string): string {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/** Parses a `text,<label>,language` CSV; unknown labels or languages are errors, not silent noise. */
export function parseTrainingCsv<L extends string>(
  content: string,
  source: string,
  spec: TrainingSetSpec<L>,
): LabelledExample<L>[] {
  const [header, ...records] = parseCsv(content);
  const names = header?.fields.map((f) => f.trim()).join(',');
  const expected = `text,${spec.labelColumn},language`;
  if (names !== expected) {
    throw new CsvError(`${source}: header must be ${expected}, got ${names ?? '(empty)'}`);
  }
  return records.map(({ line, fields }) => {
    const [text = '', label = '', language = ''] = fields;
    if (fields.length !== 3) throw new CsvError(`${source} line ${line}: expected 3 fields`);
    if (text.trim() === '') throw new CsvError(`${source} line ${line}: empty text`);
    if (!spec.isLabel(label)) {
      throw new CsvError(`${source} line ${line}: unknown ${spec.labelColumn} "${label}"`);
    }
    if (!isLanguage(language)) throw new CsvError(`${source} line ${line}: unknown language "${language}"`);
    return { text, label, language };
  });
}

export async function readTrainingCsv<L extends string>(
  path: string,
  spec: TrainingSetSpec<L>,
): Promise<TrainingDataFile<L>> {
  const bytes = await readFile(path);
  return { examples: parseTrainingCsv(bytes.toString('utf8'), path, spec), sha256: hashTrainingData(bytes) };
}
