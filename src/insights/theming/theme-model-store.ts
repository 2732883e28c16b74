import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { generateFeedback } from '../themes/synthetic-feedback.js';
import {
  createThemeModel,
  parseThemeModel,
  serializeThemeModel,
  type ThemeModel,
  type ThemeState,
} from '../themes/theme-model.js';

/** The persisted engine state as loaded for one batch: the model and the version it was read at. */
export interface StoredThemeModel {
  model: ThemeModel;
  version: number;
  spaceId: string;
}

type Space = Pick<ThemeModel, 'vectoriser' | 'lsa'>;

/** Parsed text spaces by space_id: megabytes of JSON, parsed once per process. */
const spaceCache = new Map<string, Space>();

/** Seed texts mixed into a cold-start fit so a first batch of a few items still gets a vocabulary. */
export const SEED_CORPUS_SIZE = 600;

/**
 * Reads the model row and locks it for the caller's transaction (the lock serialises theming
 * batches across processes). Null on a cold start.
 */
export async function loadThemeModel(trx: Transaction<DB>): Promise<StoredThemeModel | null> {
  const row = await trx
    .selectFrom('insight_theme_model')
    .select(['version', 'space_id', 'themes', 'next_id'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  let space = spaceCache.get(row.space_id);
  if (!space) {
    const s = await trx
      .selectFrom('insight_theme_model')
      .select('space')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const parsed = parseThemeModel(s.space);
    space = { vectoriser: parsed.vectoriser, lsa: parsed.lsa };
    spaceCache.clear();
    spaceCache.set(row.space_id, space);
  }
  const themes = (parseThemeModel(`{"themes":${row.themes}}`) as unknown as { themes: ThemeState[] }).themes;
  return { model: { ...space, themes, nextId: row.next_id }, version: row.version, spaceId: row.space_id };
}

/**
 * Cold start: fits the text space on the first batch's texts plus a synthetic en/sv seed corpus
 * (src/insights/themes/synthetic-feedback.ts), so the vocabulary knows the product's common words even
 * when the first batch is one call. The fit's clusters are discarded: themes come only from real items.
 */
export function bootstrapThemeModel(texts: readonly string[]): ThemeModel {
  const seed = generateFeedback(SEED_CORPUS_SIZE, 7).map((i) => i.text);
  const { model } = createThemeModel([...texts, ...seed], { k: 8, seed: 1, sampleRows: 2000 });
  return { vectoriser: model.vectoriser, lsa: model.lsa, themes: [], nextId: 0 };
}

/** Saves the model; the space only when new. Throws when another writer moved the version on. */
export async function saveThemeModel(
  trx: Transaction<DB>,
  model: ThemeModel,
  previous: StoredThemeModel | null,
): Promise<void> {
  const themes = serializeThemeModel({ themes: model.themes } as unknown as ThemeModel).slice(10, -1);
  if (!previous) {
    const spaceId = newId();
    await trx
      .insertInto('insight_theme_model')
      .values({
        id: 1,
        version: 1,
        space_id: spaceId,
        space: serializeThemeModel({ ...model, themes: [] }),
        themes,
        next_id: model.nextId,
      })
      .execute();
    spaceCache.clear();
    spaceCache.set(spaceId, { vectoriser: model.vectoriser, lsa: model.lsa });
    return;
  }
  const res = await trx
    .updateTable('insight_theme_model')
    .set({ version: previous.version + 1, themes, next_id: model.nextId, updated_at: new Date() })
    .where('id', '=', 1)
    .where('version', '=', previous.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new Error('theme model changed concurrently');
}
