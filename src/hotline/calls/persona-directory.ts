import type { Language } from '../../assistant/language/detect-language.js';
import type { Sql } from '../../platform/db/database.js';
import type { HotlineNumber, Persona } from '../persona/persona.js';

/** Where calls look personas up. The persona helper's storage can stand in for this at merge. */
export interface PersonaDirectory {
  getPersona(id: string): Promise<Persona | null>;
  /** The persona and line a dialled number belongs to, or null for a number nobody answers. */
  findLineForNumber(number: string): Promise<{ persona: Persona; line: HotlineNumber } | null>;
  /** The persona the `hotline` chat channel talks to in this language (first that speaks it). */
  personaForChat(language: Language): Promise<Persona | null>;
}

const normalise = (n: string) => n.replace(/[^\d+]/g, '');

/** Reads `hotline_personas.definition` (a Persona as JSON). */
export function databasePersonaDirectory(db: Sql): PersonaDirectory {
  const all = async (): Promise<Persona[]> =>
    (await db.selectFrom('hotline_personas').select(['id', 'definition']).orderBy('id').execute()).map(
      (r) => ({ ...(r.definition as Persona), id: r.id }),
    );
  return {
    async getPersona(id) {
      const row = await db
        .selectFrom('hotline_personas')
        .select(['id', 'definition'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { ...(row.definition as Persona), id: row.id } : null;
    },
    async findLineForNumber(number) {
      const wanted = normalise(number);
      for (const persona of await all()) {
        const line = persona.numbers.find((n) => normalise(n.number) === wanted);
        if (line) return { persona, line };
      }
      return null;
    },
    async personaForChat(language) {
      const personas = await all();
      return personas.find((p) => p.languages.includes(language)) ?? personas[0] ?? null;
    },
  };
}
