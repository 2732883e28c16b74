import { LANGUAGES } from '../language/detect-language.js';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions, trainClassifier } from '../nlu/train-classifier.js';
import type { TrainedModel } from './trained-model-file.js';
import { readTrainingCsv, type TrainingSetSpec } from './training-data.js';

export interface TrainFromCsvResult {
  model: TrainedModel;
  trainingMs: number;
}

export interface TrainFromCsvOptions {
  train?: TrainOptions;
  /** Rewrites each text before training; the same function must be applied before classifying. */
  prepare?: (text: string) => string;
}

/** Trains one multilingual nlu classifier on a training CSV and records the CSV's hash in the model. */
export async function trainFromCsv<L extends string>(
  csvPath: string,
  spec: TrainingSetSpec<L>,
  options: TrainFromCsvOptions = {},
): Promise<TrainFromCsvResult> {
  const { examples, sha256 } = await readTrainingCsv(csvPath, spec);
  const prepare = options.prepare ?? ((text: string) => text);
  const started = performance.now();
  const classifier = trainClassifier(
    examples.map((e) => prepare(e.text)),
    examples.map((e) => e.label),
    options.train ?? DEFAULT_TRAIN_OPTIONS,
  );
  const trainingMs = performance.now() - started;
  const languages = LANGUAGES.filter((l) => examples.some((e) => e.language === l));
  return {
    model: { classifier, meta: { trainingDataSha256: sha256, rows: examples.length, languages } },
    trainingMs,
  };
}
