import { readFile } from 'node:fs/promises';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Sql } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';

const tracker = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('github'),
    owner: z.string().min(1),
    repo: z.string().min(1),
    apiUrl: z.string().url().optional(),
  }),
  z.object({
    kind: z.literal('jira'),
    baseUrl: z.string().url(),
    projectKey: z.string().min(1),
    issueType: z.string().default('Task'),
  }),
  z.object({ kind: z.literal('linear'), teamId: z.string().min(1), apiUrl: z.string().url().optional() }),
]);
export type TrackerConfig = z.infer<typeof tracker>;

const teamsFile = z.object({
  teams: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
      name: z.string().min(1),
      productAreas: z.array(z.string().min(1)),
      webhookUrl: z.string().url().optional(),
      webhookSecret: z.string().min(16).optional(),
      slackWebhookUrl: z.string().url().optional(),
      tracker: tracker.optional(),
    }),
  ),
});
export type InsightTeamsConfig = z.infer<typeof teamsFile>;

export const DEFAULT_TEAMS_FILE = new URL('../../../config/insights-teams.json', import.meta.url);

export async function loadInsightTeams(file: string | undefined): Promise<InsightTeamsConfig> {
  const raw = JSON.parse(await readFile(file ?? DEFAULT_TEAMS_FILE, 'utf8'));
  const parsed = teamsFile.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid insights teams file: ${parsed.error.message}`);
  return parsed.data;
}

/** Upserts the configured teams (the file is the source of truth; teams no longer listed stay for history). */
export async function seedInsightTeams(db: Sql, config: InsightTeamsConfig, defaultSecret?: string) {
  for (const t of config.teams) {
    const row = {
      name: t.name,
      product_areas: t.productAreas,
      webhook_url: t.webhookUrl ?? null,
      webhook_secret: t.webhookSecret ?? defaultSecret ?? null,
      slack_webhook_url: t.slackWebhookUrl ?? null,
      tracker: t.tracker ? JSON.stringify(t.tracker) : null,
      updated_at: new Date(),
    };
    await db
      .insertInto('insight_teams')
      .values({ id: t.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }
}

/** The team owning a product area (first by id when several list it), or null. */
export async function teamForArea(trx: Transaction<DB> | Sql, area: string | null) {
  if (!area) return null;
  return (
    (await trx
      .selectFrom('insight_teams')
      .selectAll()
      .where((eb) => eb(eb.val(area), '=', eb.fn.any('product_areas')))
      .orderBy('id')
      .executeTakeFirst()) ?? null
  );
}
