import { join } from 'node:path';
import { type TrainFromCsvResult, trainFromCsv } from '../training/train-from-csv.js';
import { writeTrainedModel } from '../training/trained-model-file.js';
import { SENTIMENT_SET, SENTIMENT_TRAINING_FILE, sentimentDirectory } from './sentiment-data.js';
import { SENTIMENT_MODEL_FILE, type SentimentModel } from './sentiment-model-file.js';
import { sentimentText } from './sentiment-text.js';

/** Trains the sentiment classifier on training-set.csv: one multilingual model, nlu defaults. */
export function trainSentimentModel(
  csvPath: string = join(sentimentDirectory(), SENTIMENT_TRAINING_FILE),
): Promise<TrainFromCsvResult> {
  return trainFromCsv(csvPath, SENTIMENT_SET, { prepare: sentimentText });
}

/** Writes the model file and returns its size in bytes. */
export function writeSentimentModel(path: string, model: SentimentModel): Promise<number> {
  return writeTrainedModel(SENTIMENT_MODEL_FILE, path, model);
}
