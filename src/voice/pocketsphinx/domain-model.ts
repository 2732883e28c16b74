import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPackageRoot } from '../../assistant/language/package-root.js';
import { buildArpaModel, tokenize } from './build-language-model.js';

export const DEFAULT_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
/** Bump when the builder changes, so cached models are rebuilt. */
const BUILDER_VERSION = '2';

export interface DomainModelFiles {
  lm: string;
  dict: string;
  words: number;
  sentences: number;
}

export function builtinDomainCorpus(): string[] {
  // From the package root, so it resolves the same from src/ (tsx, vitest) and dist/ (the .txt stays in src).
  const path = join(findPackageRoot(), 'src', 'voice', 'pocketsphinx', 'domain-corpus.en.txt');
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const dictionaries = new Map<string, Map<string, string[]>>();

/** cmudict lines by word, alternates (`word(2)`) under the base word. Parsed once per path. */
function pronunciations(dictPath: string): Map<string, string[]> {
  let byWord = dictionaries.get(dictPath);
  if (byWord) return byWord;
  byWord = new Map();
  for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const word = line.slice(0, space).replace(/\(\d+\)$/, '');
    const list = byWord.get(word);
    if (list) list.push(line);
    else byWord.set(word, [line]);
  }
  dictionaries.set(dictPath, byWord);
  return byWord;
}

/**
 * Writes (or reuses) the language model and the restricted dictionary for these sentences,
 * cached under `cacheDir` by content hash. Words cmudict does not know are dropped.
 */
export function prepareDomainModel(options: {
  sentences: string[];
  cacheDir?: string | undefined;
  modelDir?: string | undefined;
}): DomainModelFiles {
  const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
  const dictPath = join(modelDir, 'cmudict-en-us.dict');
  const hash = createHash('sha256')
    .update(`${BUILDER_VERSION}\n${dictPath}\n`)
    .update(options.sentences.join('\n'))
    .digest('hex')
    .slice(0, 24);
  const dir = join(options.cacheDir ?? join(tmpdir(), 'tandem-pocketsphinx'), hash);
  const lm = join(dir, 'domain.lm');
  const dict = join(dir, 'domain.dict');
  const meta = join(dir, 'meta.json');
  if (existsSync(lm) && existsSync(dict) && existsSync(meta)) {
    const { words, sentences } = JSON.parse(readFileSync(meta, 'utf8')) as {
      words: number;
      sentences: number;
    };
    return { lm, dict, words, sentences };
  }

  const known = pronunciations(dictPath);
  const tokenised = options.sentences
    .map((s) => tokenize(s).filter((w) => known.has(w)))
    .filter((s) => s.length);
  const vocabulary = [...new Set(tokenised.flat())].sort();
  mkdirSync(dir, { recursive: true });
  // Write-then-rename: a concurrent builder or a crash never leaves a half-written model behind.
  const write = (path: string, content: string) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  };
  write(lm, buildArpaModel(tokenised));
  write(dict, `${vocabulary.flatMap((w) => known.get(w)!).join('\n')}\n`);
  write(meta, JSON.stringify({ words: vocabulary.length, sentences: tokenised.length }));
  return { lm, dict, words: vocabulary.length, sentences: tokenised.length };
}
