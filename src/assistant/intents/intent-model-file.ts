import {
  decodeTrainedModel,
  encodeTrainedModel,
  type ModelFileKind,
  type TrainedModel,
  type TrainedModelMeta,
} from '../training/trained-model-file.js';

export const INTENT_MODEL_FILE_VERSION = 1;

/** models/intents.bin: magic "TNDMINT\0", wrapping the nlu model with the training CSV's hash. */
export const INTENT_MODEL_FILE: ModelFileKind = {
  magic: 'TNDMINT\0',
  version: INTENT_MODEL_FILE_VERSION,
  name: 'intent',
  fileName: 'intents.bin',
  trainCommand: 'npm run train:intents',
};

export type IntentModelMeta = TrainedModelMeta;
export type IntentModel = TrainedModel;

export function encodeIntentModel(model: IntentModel): Buffer {
  return encodeTrainedModel(INTENT_MODEL_FILE, model);
}

export function decodeIntentModel(file: Buffer, source = 'intent model'): IntentModel {
  return decodeTrainedModel(INTENT_MODEL_FILE, file, source);
}
