import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Language } from '../../assistant/language/detect-language.js';
import { findPackageRoot } from '../../assistant/language/package-root.js';

/**
 * The product areas feedback is filed under, from a JSON file (default
 * `config/insights-taxonomy.json`, or INSIGHTS_TAXONOMY_FILE): teams rename, add or drop areas
 * without a code change. Keywords are phrases per language matched on whole words.
 */
export interface ProductTaxonomy {
  fallback: string;
  areas: readonly { id: string; label: string; patterns: ReadonlyMap<string, RegExp> }[];
}

const taxonomySchema = z.object({
  fallback: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  areas: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'an area id: lower-case letters, digits, _'),
        label: z.string().min(1),
        keywords: z.record(z.string().regex(/^[a-z]{2}$/), z.array(z.string().min(1)).min(1)),
      }),
    )
    .min(1),
});

export class TaxonomyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaxonomyError';
  }
}

export function defaultTaxonomyPath(): string {
  return join(findPackageRoot(), 'config', 'insights-taxonomy.json');
}

export function loadProductTaxonomy(path: string = defaultTaxonomyPath()): ProductTaxonomy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new TaxonomyError(`cannot read the insights taxonomy ${path}: ${(err as Error).message}`);
  }
  return parseProductTaxonomy(raw, path);
}

export function parseProductTaxonomy(raw: unknown, source = 'the taxonomy'): ProductTaxonomy {
  const parsed = taxonomySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new TaxonomyError(`${source} is not a valid insights taxonomy: ${issues}`);
  }
  const ids = parsed.data.areas.map((a) => a.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new TaxonomyError(`${source}: the area "${repeated}" is listed twice`);
  return {
    fallback: parsed.data.fallback,
    areas: parsed.data.areas.map((area) => ({
      id: area.id,
      label: area.label,
      patterns: new Map(
        Object.entries(area.keywords).map(([language, phrases]) => {
          try {
            return [language, wordsPattern(phrases)];
          } catch (err) {
            throw new TaxonomyError(`${source}: area "${area.id}" (${language}): ${(err as Error).message}`);
          }
        }),
      ),
    })),
  };
}

function wordsPattern(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * The area whose keywords occur most often in `normalText` (lower-case, no punctuation); ties go
 * to the area listed first, no match to the fallback. English keywords also count for languages
 * the file has no list for, since product words ("app", "checkout") travel.
 */
export function classifyProductArea(
  taxonomy: ProductTaxonomy,
  normalText: string,
  language: Language,
): string {
  let best = taxonomy.fallback;
  let bestScore = 0;
  for (const area of taxonomy.areas) {
    const re = area.patterns.get(language) ?? area.patterns.get('en');
    if (!re) continue;
    re.lastIndex = 0;
    let score = 0;
    while (re.exec(normalText)) score++;
    if (score > bestScore) {
      best = area.id;
      bestScore = score;
    }
  }
  return best;
}

/** Every area id, the fallback last: what the API accepts as a filter. */
export function productAreaIds(taxonomy: ProductTaxonomy): string[] {
  const ids = taxonomy.areas.map((a) => a.id);
  return ids.includes(taxonomy.fallback) ? ids : [...ids, taxonomy.fallback];
}
