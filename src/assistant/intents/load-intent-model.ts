import { loadTrainedModel, trainedModelPath } from '../training/trained-model-file.js';
import { INTENT_MODEL_FILE, type IntentModel } from './intent-model-file.js';

/** `models/intents.bin` at the package root, the same from src/ (tsx, vitest) and dist/. */
export function intentModelPath(): string {
  return trainedModelPath(INTENT_MODEL_FILE);
}

/** Loads the committed intent model; a missing or unreadable file is a ModelFileError saying how to fix it. */
export async function loadIntentModel(path: string = intentModelPath()): Promise<IntentModel> {
  return loadTrainedModel(INTENT_MODEL_FILE, path);
}
