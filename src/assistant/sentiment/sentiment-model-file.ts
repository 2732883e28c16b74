import {
  loadTrainedModel,
  type ModelFileKind,
  type TrainedModel,
  trainedModelPath,
} from '../training/trained-model-file.js';

/** models/sentiment.bin: the nlu model wrapped with the hash of the sentiment training CSV. */
export const SENTIMENT_MODEL_FILE: ModelFileKind = {
  magic: 'TNDMSNT\0',
  version: 1,
  name: 'sentiment',
  fileName: 'sentiment.bin',
  trainCommand: 'npm run train:sentiment',
};

export type SentimentModel = TrainedModel;

export function sentimentModelPath(): string {
  return trainedModelPath(SENTIMENT_MODEL_FILE);
}

/** Loads the committed sentiment model; a missing or unreadable file is a ModelFileError saying how to fix it. */
export function loadSentimentModel(path: string = sentimentModelPath()): Promise<SentimentModel> {
  return loadTrainedModel(SENTIMENT_MODEL_FILE, path);
}
