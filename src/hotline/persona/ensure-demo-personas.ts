import { systemActor, writeAudit } from '../../platform/audit/write-audit.js';
import type { Sql } from '../../platform/db/database.js';
import { loadDemoPersonas } from './load-demo-personas.js';
import type { Persona } from './persona.js';

/** JSON with object keys sorted, so a jsonb round trip (which reorders keys) compares equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export interface EnsureDemoPersonasResult {
  created: string[];
  /** Rows still as seeded (never saved by an admin) whose files changed since. */
  refreshed: string[];
}

/**
 * Seeds the demo personas from the repo's files. Idempotent: a persona that exists is left
 * alone once an admin has saved it (updated_by set); one still as seeded follows the files.
 */
export async function ensureDemoPersonas(
  db: Sql,
  personas?: readonly Persona[],
): Promise<EnsureDemoPersonasResult> {
  const result: EnsureDemoPersonasResult = { created: [], refreshed: [] };
  for (const persona of personas ?? (await loadDemoPersonas())) {
    await db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('hotline_personas')
        .values({ id: persona.id, name: persona.name, definition: JSON.stringify(persona) })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        await writeAudit(tx, systemActor, {
          action: 'hotline.persona.seeded',
          entityType: 'hotline_persona',
          entityId: persona.id,
          after: { name: persona.name, passages: persona.corpus.length },
        });
        result.created.push(persona.id);
        return;
      }
      const row = await tx
        .selectFrom('hotline_personas')
        .select(['definition', 'updated_by'])
        .where('id', '=', persona.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.updated_by !== null || stableJson(row.definition) === stableJson(persona)) return;
      await tx
        .updateTable('hotline_personas')
        .set({ name: persona.name, definition: JSON.stringify(persona), updated_at: new Date() })
        .where('id', '=', persona.id)
        .execute();
      await writeAudit(tx, systemActor, {
        action: 'hotline.persona.refreshed',
        entityType: 'hotline_persona',
        entityId: persona.id,
        reason: 'demo persona files changed',
      });
      result.refreshed.push(persona.id);
    });
  }
  return result;
}
