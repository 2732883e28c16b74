import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findPackageRoot } from '../../assistant/language/package-root.js';
import { parseFrontMatter } from '../../knowledge/front-matter.js';
import type { CorpusPassage, Persona } from './persona.js';
import { parsePersona } from './persona-schema.js';

/** Where the demo personas live in the repo (resolved the same from `src/` and `dist/`). */
export function demoPersonaDirectory(): string {
  return join(findPackageRoot(), 'src', 'hotline', 'persona', 'demo');
}

async function readCorpus(dir: string): Promise<CorpusPassage[]> {
  const passages: CorpusPassage[] = [];
  const languages = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory());
  for (const lang of languages.sort((a, b) => a.name.localeCompare(b.name))) {
    const files = (await readdir(join(dir, lang.name))).filter((f) => f.endsWith('.md')).sort();
    for (const file of files) {
      const { attributes: a, body } = parseFrontMatter(await readFile(join(dir, lang.name, file), 'utf8'));
      const field = (key: string) => {
        const value = a[key];
        if (typeof value !== 'string' || value === '')
          throw new Error(`${lang.name}/${file}: "${key}" is missing`);
        return value;
      };
      if (field('language') !== lang.name)
        throw new Error(`${lang.name}/${file}: language is not ${lang.name}`);
      passages.push({
        id: field('id'),
        kind: field('kind') as CorpusPassage['kind'],
        language: lang.name as CorpusPassage['language'],
        title: field('title'),
        // One paragraph per passage: it is spoken, so line breaks are only layout.
        text: body.replace(/\s+/g, ' ').trim(),
        source: field('source'),
      });
    }
  }
  return passages;
}

/** Reads every persona under `dir` (one folder each: persona.json and corpus/<language>/*.md) and validates it. */
export async function loadDemoPersonas(dir: string = demoPersonaDirectory()): Promise<Persona[]> {
  const folders = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory());
  const personas: Persona[] = [];
  for (const folder of folders.sort((a, b) => a.name.localeCompare(b.name))) {
    const base = join(dir, folder.name);
    const definition = JSON.parse(await readFile(join(base, 'persona.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    personas.push(parsePersona({ ...definition, corpus: await readCorpus(join(base, 'corpus')) }));
  }
  return personas;
}
