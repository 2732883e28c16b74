import { join } from 'node:path';
import { findPackageRoot } from '../language/package-root.js';
import {
  type LabelledExample,
  readTrainingCsv,
  type TrainingDataFile,
  type TrainingSetSpec,
} from '../training/training-data.js';

/** How a customer message feels, whatever it asks for. */
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export function isSentiment(value: string): value is Sentiment {
  return (SENTIMENTS as readonly string[]).includes(value);
}

export type SentimentExample = LabelledExample<Sentiment>;

export const SENTIMENT_SET: TrainingSetSpec<Sentiment> = { labelColumn: 'sentiment', isLabel: isSentiment };

export function sentimentDirectory(): string {
  return join(findPackageRoot(), 'src', 'assistant', 'sentiment');
}

export const SENTIMENT_TRAINING_FILE = 'training-set.csv';
export const SENTIMENT_EVALUATION_FILE = 'evaluation-set.csv';

/** Reads a `text,sentiment,language` CSV with its SHA-256. */
export function readSentimentCsv(path: string): Promise<TrainingDataFile<Sentiment>> {
  return readTrainingCsv(path, SENTIMENT_SET);
}
