import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { findPackageRoot } from '../language/package-root.js';
import { decodeModel, encodeModel, ModelFileError } from '../nlu/model-file.js';
import type { IntentClassifier } from '../nlu/train-classifier.js';

const metaSchema = z.object({
  /** SHA-256 of the training CSV the model was trained on. */
  trainingDataSha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().positive(),
  languages: z.array(z.string()),
});
export type TrainedModelMeta = z.infer<typeof metaSchema>;

/** An nlu classifier plus where it came from, as kept in `models/*.bin`. */
export interface TrainedModel {
  classifier: IntentClassifier;
  meta: TrainedModelMeta;
}

/** Which of Tandem's model files this is: each has its own magic, version and retraining command. */
export interface ModelFileKind {
  /** Eight latin1 bytes, e.g. "TNDMINT\0". */
  magic: string;
  version: number;
  /** In messages: "intent" → "not a Tandem intent model". */
  name: string;
  /** `models/<fileName>` at the package root. */
  fileName: string;
  /** How to rebuild it, named in the error when it is missing. */
  trainCommand: string;
}

// The nlu model format has no room for provenance, so these files wrap it:
// magic (8 bytes) | u32 version | u32 meta length | meta JSON | nlu model bytes (gzip).
export function encodeTrainedModel(kind: ModelFileKind, model: TrainedModel): Buffer {
  const magic = Buffer.from(kind.magic, 'latin1');
  const meta = Buffer.from(JSON.stringify(model.meta), 'utf8');
  const head = Buffer.alloc(magic.length + 8);
  magic.copy(head, 0);
  head.writeUInt32LE(kind.version, magic.length);
  head.writeUInt32LE(meta.length, magic.length + 4);
  return Buffer.concat([head, meta, encodeModel(model.classifier)]);
}

export function decodeTrainedModel(
  kind: ModelFileKind,
  file: Buffer,
  source = `${kind.name} model`,
): TrainedModel {
  const magic = Buffer.from(kind.magic, 'latin1');
  if (file.length < magic.length + 8 || !file.subarray(0, magic.length).equals(magic)) {
    throw new ModelFileError(`${source} is not a Tandem ${kind.name} model (bad header)`);
  }
  const version = file.readUInt32LE(magic.length);
  if (version !== kind.version) {
    throw new ModelFileError(
      `${source} is ${kind.name} model version ${version}; this Tandem reads ${kind.version}, retrain it`,
    );
  }
  const start = magic.length + 8;
  const end = start + file.readUInt32LE(magic.length + 4);
  if (end > file.length) throw new ModelFileError(`${source} is truncated`);
  let meta: TrainedModelMeta;
  try {
    meta = metaSchema.parse(JSON.parse(file.subarray(start, end).toString('utf8')));
  } catch {
    throw new ModelFileError(`${source} has an invalid description`);
  }
  return { classifier: decodeModel(file.subarray(end), source), meta };
}

/** `models/<fileName>` at the package root, the same from src/ (tsx, vitest) and dist/. */
export function trainedModelPath(kind: ModelFileKind): string {
  return join(findPackageRoot(), 'models', kind.fileName);
}

/** Loads a committed model; a missing or unreadable file is a ModelFileError saying how to fix it. */
export async function loadTrainedModel(
  kind: ModelFileKind,
  path: string = trainedModelPath(kind),
): Promise<TrainedModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ModelFileError(
      `${kind.name} model ${path} ${code === 'ENOENT' ? 'is missing' : `is unreadable (${code ?? 'unknown error'})`}; ` +
        `build it with \`${kind.trainCommand}\``,
    );
  }
  return decodeTrainedModel(kind, bytes, path);
}

/** Writes the model file and returns its size in bytes. */
export async function writeTrainedModel(
  kind: ModelFileKind,
  path: string,
  model: TrainedModel,
): Promise<number> {
  const bytes = encodeTrainedModel(kind, model);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return bytes.length;
}
