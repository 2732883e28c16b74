import type { Sql } from '../../platform/db/database.js';
import type { Persona } from './persona.js';
import { parsePersona } from './persona-schema.js';

export interface StoredPersona {
  persona: Persona;
  updatedAt: Date;
  /** The admin who last saved it; null while it is as seeded from the repo. */
  updatedBy: string | null;
}

interface PersonaRow {
  definition: unknown;
  updated_at: Date;
  updated_by: string | null;
}

const stored = (row: PersonaRow): StoredPersona => ({
  // Re-validated on the way out: the row may predate a rule, and callers rely on the shape.
  persona: parsePersona(typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export async function getStoredPersona(db: Sql, id: string): Promise<StoredPersona | null> {
  const row = await db
    .selectFrom('hotline_personas')
    .select(['definition', 'updated_at', 'updated_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? stored(row) : null;
}

export async function getPersona(db: Sql, id: string): Promise<Persona | null> {
  return (await getStoredPersona(db, id))?.persona ?? null;
}

/** Every persona, ordered by id. */
export async function listStoredPersonas(db: Sql): Promise<StoredPersona[]> {
  const rows = await db
    .selectFrom('hotline_personas')
    .select(['definition', 'updated_at', 'updated_by'])
    .orderBy('id')
    .execute();
  return rows.map(stored);
}

export async function listPersonas(db: Sql): Promise<Persona[]> {
  return (await listStoredPersonas(db)).map((s) => s.persona);
}
