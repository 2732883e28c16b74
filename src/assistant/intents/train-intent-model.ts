import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LANGUAGES } from '../language/detect-language.js';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions, trainClassifier } from '../nlu/train-classifier.js';
import { intentsDirectory, readIntentCsv, TRAINING_SET_FILE } from './intent-data.js';
import { encodeIntentModel, type IntentModel } from './intent-model-file.js';

export interface TrainIntentModelResult {
  model: IntentModel;
  trainingMs: number;
}

/** Trains the intent classifier on training-set.csv (all languages in one model, nlu defaults). */
export async function trainIntentModel(
  csvPath: string = join(intentsDirectory(), TRAINING_SET_FILE),
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): Promise<TrainIntentModelResult> {
  const { examples, sha256 } = await readIntentCsv(csvPath);
  const started = performance.now();
  const classifier = trainClassifier(
    examples.map((e) => e.text),
    examples.map((e) => e.intent),
    options,
  );
  const trainingMs = performance.now() - started;
  const languages = LANGUAGES.filter((l) => examples.some((e) => e.language === l));
  return {
    model: { classifier, meta: { trainingDataSha256: sha256, rows: examples.length, languages } },
    trainingMs,
  };
}

/** Writes the model file and returns its size in bytes. */
export async function writeIntentModel(path: string, model: IntentModel): Promise<number> {
  const bytes = encodeIntentModel(model);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return bytes.length;
}
