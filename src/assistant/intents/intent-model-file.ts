import { z } from 'zod';
import { decodeModel, encodeModel, ModelFileError } from '../nlu/model-file.js';
import type { IntentClassifier } from '../nlu/train-classifier.js';

// The nlu model format has no room for provenance, so intents.bin wraps it:
// magic "TNDMINT\0" | u32 version | u32 meta length | meta JSON | nlu model bytes (gzip).
const MAGIC = Buffer.from('TNDMINT\0', 'latin1');
export const INTENT_MODEL_FILE_VERSION = 1;

const metaSchema = z.object({
  /** SHA-256 of training-set.csv the model was trained on. */
  trainingDataSha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().positive(),
  languages: z.array(z.string()),
});
export type IntentModelMeta = z.infer<typeof metaSchema>;

export interface IntentModel {
  classifier: IntentClassifier;
  meta: IntentModelMeta;
}

export function encodeIntentModel(model: IntentModel): Buffer {
  const meta = Buffer.from(JSON.stringify(model.meta), 'utf8');
  const head = Buffer.alloc(MAGIC.length + 8);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(INTENT_MODEL_FILE_VERSION, MAGIC.length);
  head.writeUInt32LE(meta.length, MAGIC.length + 4);
  return Buffer.concat([head, meta, encodeModel(model.classifier)]);
}

export function decodeIntentModel(file: Buffer, source = 'intent model'): IntentModel {
  if (file.length < MAGIC.length + 8 || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new ModelFileError(`${source} is not a Tandem intent model (bad header)`);
  }
  const version = file.readUInt32LE(MAGIC.length);
  if (version !== INTENT_MODEL_FILE_VERSION) {
    throw new ModelFileError(
      `${source} is intent model version ${version}; this Tandem reads ${INTENT_MODEL_FILE_VERSION}, retrain it`,
    );
  }
  const start = MAGIC.length + 8;
  const end = start + file.readUInt32LE(MAGIC.length + 4);
  if (end > file.length) throw new ModelFileError(`${source} is truncated`);
  let meta: IntentModelMeta;
  try {
    meta = metaSchema.parse(JSON.parse(file.subarray(start, end).toString('utf8')));
  } catch {
    throw new ModelFileError(`${source} has an invalid description`);
  }
  return { classifier: decodeModel(file.subarray(end), source), meta };
}
