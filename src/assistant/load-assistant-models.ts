import type { IntentModel } from './intents/intent-model-file.js';
import { loadIntentModel } from './intents/load-intent-model.js';
import { loadSentimentModel, type SentimentModel } from './sentiment/sentiment-model-file.js';

/** The models Tandem trained for the assistant, read from `models/` (hash-checked against their training CSVs). */
export interface AssistantModels {
  intents: IntentModel;
  sentiment: SentimentModel;
}

export async function loadAssistantModels(): Promise<AssistantModels> {
  const [intents, sentiment] = await Promise.all([loadIntentModel(), loadSentimentModel()]);
  return { intents, sentiment };
}
