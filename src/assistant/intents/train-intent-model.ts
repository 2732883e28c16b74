import { join } from 'node:path';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../nlu/train-classifier.js';
import { type TrainFromCsvResult, trainFromCsv } from '../training/train-from-csv.js';
import { writeTrainedModel } from '../training/trained-model-file.js';
import { INTENT_SET, intentsDirectory, TRAINING_SET_FILE } from './intent-data.js';
import { INTENT_MODEL_FILE, type IntentModel } from './intent-model-file.js';

export type TrainIntentModelResult = TrainFromCsvResult;

/** Trains the intent classifier on training-set.csv (all languages in one model, nlu defaults). */
export async function trainIntentModel(
  csvPath: string = join(intentsDirectory(), TRAINING_SET_FILE),
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): Promise<TrainIntentModelResult> {
  return trainFromCsv(csvPath, INTENT_SET, { train: options });
}

/** Writes the model file and returns its size in bytes. */
export async function writeIntentModel(path: string, model: IntentModel): Promise<number> {
  return writeTrainedModel(INTENT_MODEL_FILE, path, model);
}
