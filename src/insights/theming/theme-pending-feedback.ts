import { sql } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { assignText } from '../themes/theme-model.js';
import type { ThemeLanguage } from '../themes/tokenise-feedback.js';
import { INSIGHTS_TOPIC } from './insights-topic.js';
import { bootstrapThemeModel, loadThemeModel, saveThemeModel } from './theme-model-store.js';

export const THEMING_QUEUE = 'insights.theme-feedback';
export const THEMING_BATCH = 200;
const BOOTSTRAP_ITEMS = 5000;

type Deps = Pick<AppDeps, 'db' | 'events' | 'config'>;

/** Theme row ids by engine theme number, following merges to the surviving theme. */
async function themeRowIds(trx: Parameters<typeof loadThemeModel>[0], modelIds: number[]) {
  const map = new Map<number, string>();
  if (!modelIds.length) return map;
  const rows = await trx
    .selectFrom('insight_themes as t')
    .leftJoin('insight_themes as m', 'm.id', 't.merged_into')
    .select(['t.model_theme_id', 't.id', 't.status', 't.merged_into', 'm.merged_into as merged_twice'])
    .where('t.model_theme_id', 'in', modelIds)
    .execute();
  for (const r of rows) map.set(r.model_theme_id!, r.merged_twice ?? r.merged_into ?? r.id);
  return map;
}

/**
 * One batch: unthemed items (oldest first, skip locked) are assigned through the engine (nearest
 * centroid at or above INSIGHTS_THEME_THRESHOLD, else a new draft theme labelled with the item's
 * own words); theme counts, first/last feedback times, language mix and the model state change in
 * the same transaction, and one live event says which themes moved. Returns items themed.
 */
export async function themeFeedbackBatch(deps: Deps, batch = THEMING_BATCH): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const stored = await loadThemeModel(trx);
    const items = await trx
      .selectFrom('feedback_items')
      .select(['id', 'quote', 'language', 'product_area', 'occurred_at'])
      .where('theme_id', 'is', null)
      .orderBy('created_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!items.length) return 0;
    let model = stored?.model;
    if (!model) {
      // Cold start: the space is fitted on what is there (up to 5,000 recent items) plus the seed corpus.
      const recent = await trx
        .selectFrom('feedback_items')
        .select('quote')
        .orderBy('occurred_at', 'desc')
        .limit(BOOTSTRAP_ITEMS)
        .execute();
      model = bootstrapThemeModel([
        ...new Set([...items.map((i) => i.quote), ...recent.map((r) => r.quote)]),
      ]);
    }
    const assigned: { itemId: string; modelId: number; opened: boolean }[] = [];
    for (const item of items) {
      const language: ThemeLanguage | undefined =
        item.language === 'en' || item.language === 'sv' ? item.language : undefined;
      const next = assignText(model, item.quote, deps.config.insights.themeThreshold, language);
      model = next.model;
      assigned.push({ itemId: item.id, modelId: next.assignment.themeId, opened: next.assignment.opened });
    }
    const rowIds = await themeRowIds(trx, [...new Set(assigned.map((a) => a.modelId))]);
    const byTheme = new Map<string, typeof items>();
    for (const [i, a] of assigned.entries()) {
      const item = items[i]!;
      let themeId = rowIds.get(a.modelId);
      if (!themeId) {
        themeId = newId();
        rowIds.set(a.modelId, themeId);
        const state = model.themes.find((t) => t.id === a.modelId)!;
        await trx
          .insertInto('insight_themes')
          .values({
            id: themeId,
            label: state.label,
            product_area: item.product_area,
            model_theme_id: a.modelId,
          })
          .execute();
      }
      byTheme.set(themeId, [...(byTheme.get(themeId) ?? []), item]);
    }
    for (const [themeId, themed] of byTheme) {
      await trx
        .updateTable('feedback_items')
        .set({ theme_id: themeId })
        .where(
          'id',
          'in',
          themed.map((i) => i.id),
        )
        .execute();
      await refreshThemeStats(trx, themeId);
    }
    await saveThemeModel(trx, model, stored);
    await deps.events.publish(
      INSIGHTS_TOPIC,
      'insights.themes.updated',
      { themeIds: [...byTheme.keys()], items: items.length },
      trx,
    );
    return items.length;
  });
}

/** Recomputes a theme's count, first/last feedback time and language mix from its items. */
export async function refreshThemeStats(trx: Parameters<typeof loadThemeModel>[0], themeId: string) {
  const stats = await trx
    .selectFrom('feedback_items')
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      eb.fn.min('occurred_at').as('first'),
      eb.fn.max('occurred_at').as('last'),
    ])
    .where('theme_id', '=', themeId)
    .executeTakeFirstOrThrow();
  const langs = await trx
    .selectFrom('feedback_items')
    .select(['language', (eb) => eb.fn.countAll<string>().as('n')])
    .where('theme_id', '=', themeId)
    .groupBy('language')
    .execute();
  await trx
    .updateTable('insight_themes')
    .set({
      item_count: Number(stats.n),
      first_feedback_at: stats.first,
      last_feedback_at: stats.last,
      language_mix: JSON.stringify(Object.fromEntries(langs.map((l) => [l.language, Number(l.n)]))),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', themeId)
    .execute();
}

/** Themes every unthemed item, batch after batch. Returns the number themed. */
export async function themePendingFeedback(deps: Deps): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await themeFeedbackBatch(deps);
    total += n;
    if (n < THEMING_BATCH) return total;
  }
}
