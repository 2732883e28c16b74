import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findPackageRoot } from '../language/package-root.js';
import { ModelFileError } from '../nlu/model-file.js';
import { decodeIntentModel, type IntentModel } from './intent-model-file.js';

/** `models/intents.bin` at the package root, the same from src/ (tsx, vitest) and dist/. */
export function intentModelPath(): string {
  return join(findPackageRoot(), 'models', 'intents.bin');
}

/** Loads the committed intent model; a missing or unreadable file is a ModelFileError saying how to fix it. */
export async function loadIntentModel(path: string = intentModelPath()): Promise<IntentModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ModelFileError(
      `intent model ${path} ${code === 'ENOENT' ? 'is missing' : `is unreadable (${code ?? 'unknown error'})`}; ` +
        'build it with `npm run train:intents`',
    );
  }
  return decodeIntentModel(bytes, path);
}
