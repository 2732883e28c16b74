import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../language/detect-language.js';
import { ModelFileError } from '../nlu/model-file.js';
import { classify } from '../nlu/train-classifier.js';
import {
  EVALUATION_SET_FILE,
  hashTrainingData,
  INTENTS,
  type IntentExample,
  intentsDirectory,
  readIntentCsv,
  TRAINING_SET_FILE,
} from './intent-data.js';
import { decodeIntentModel, encodeIntentModel, type IntentModel } from './intent-model-file.js';
import { intentModelPath, loadIntentModel } from './load-intent-model.js';
import { trainIntentModel } from './train-intent-model.js';

let model: IntentModel;
let evaluation: IntentExample[];
let training: IntentExample[];

beforeAll(async () => {
  // Training takes about a second, so the test trains from the CSV rather than trusting a binary.
  ({ model } = await trainIntentModel());
  evaluation = (await readIntentCsv(join(intentsDirectory(), EVALUATION_SET_FILE))).examples;
  training = (await readIntentCsv(join(intentsDirectory(), TRAINING_SET_FILE))).examples;
});

function percent(correct: number, total: number): string {
  return `${((100 * correct) / total).toFixed(1)}% (${correct}/${total})`;
}

describe('BNPL intent data', () => {
  it('covers every intent in every language, and the evaluation set shares no text with training', () => {
    for (const intent of INTENTS) {
      for (const language of LANGUAGES) {
        const rows = (set: IntentExample[]) =>
          set.filter((e) => e.intent === intent && e.language === language).length;
        expect(rows(training), `${intent}/${language} training`).toBeGreaterThanOrEqual(
          language === 'en' || language === 'sv' ? 20 : 11,
        );
        expect(rows(evaluation), `${intent}/${language} evaluation`).toBeGreaterThanOrEqual(
          language === 'en' || language === 'sv' ? 8 : 4,
        );
      }
    }
    const seen = new Set(training.map((e) => e.text.toLowerCase()));
    expect(evaluation.filter((e) => seen.has(e.text.toLowerCase())).map((e) => e.text)).toEqual([]);
  });
});

describe('intent model', () => {
  it('reaches ≥ 90% on the held-out evaluation set, with per-language accuracy', () => {
    const perLanguage = new Map<string, { correct: number; total: number }>();
    let correct = 0;
    let oos = 0;
    let oosFound = 0;
    for (const example of evaluation) {
      const predicted = classify(model.classifier, example.text).label;
      const tally = perLanguage.get(example.language) ?? { correct: 0, total: 0 };
      tally.total++;
      if (predicted === example.intent) {
        tally.correct++;
        correct++;
      }
      if (example.intent === 'oos') {
        oos++;
        if (predicted === 'oos') oosFound++;
      }
      perLanguage.set(example.language, tally);
    }
    const lines = LANGUAGES.map((l) => {
      const t = perLanguage.get(l)!;
      return `  ${l}: ${percent(t.correct, t.total)}`;
    });
    console.log(
      [
        `intent accuracy ${percent(correct, evaluation.length)}`,
        ...lines,
        `oos recall ${percent(oosFound, oos)}`,
      ].join('\n'),
    );
    expect(correct / evaluation.length).toBeGreaterThanOrEqual(0.9);
  });

  it('always recognises a request for a human, in all 8 languages', () => {
    const misses: string[] = [];
    for (const language of LANGUAGES) {
      const rows = evaluation.filter((e) => e.intent === 'talk_to_human' && e.language === language);
      expect(rows.length, language).toBeGreaterThan(0);
      for (const row of rows) {
        const predicted = classify(model.classifier, row.text).label;
        if (predicted !== 'talk_to_human') misses.push(`${language} "${row.text}" → ${predicted}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('keeps the committed models/intents.bin in step with training-set.csv', async () => {
    const committed = await loadIntentModel();
    const csv = await readFile(join(intentsDirectory(), TRAINING_SET_FILE));
    // A stale model fails here: retrain with `npm run train:intents` after editing the CSV.
    expect(committed.meta.trainingDataSha256).toBe(hashTrainingData(csv));
    expect(committed.classifier.labels).toEqual([...INTENTS].sort());
    expect(classify(committed.classifier, 'jag vill prata med en människa').label).toBe('talk_to_human');
    expect(intentModelPath()).toMatch(/models[/\\]intents\.bin$/);
  });

  it('round-trips the model file and rejects a missing or foreign file with a clear message', async () => {
    const decoded = decodeIntentModel(encodeIntentModel(model));
    expect(decoded.meta).toEqual(model.meta);
    expect(classify(decoded.classifier, 'wann ist meine nächste Rate fällig').label).toBe('next_payment');
    const missing = join(tmpdir(), 'tandem-no-such-intents.bin');
    await expect(loadIntentModel(missing)).rejects.toThrow(ModelFileError);
    await expect(loadIntentModel(missing)).rejects.toThrow(
      /is missing; build it with `npm run train:intents`/,
    );
    expect(() => decodeIntentModel(Buffer.from('not a model'))).toThrow(/not a Tandem intent model/);
  });
});
