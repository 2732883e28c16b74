import type { Language } from '../../assistant/language/detect-language.js';
import type { Sql } from '../../platform/db/database.js';
import { findLineForNumber } from '../persona/find-line-for-number.js';
import { getPersona, listPersonas } from '../persona/get-persona.js';
import type { HotlineNumber, Persona } from '../persona/persona.js';

/** Where calls look personas up; tests may pass an in-memory one. */
export interface PersonaDirectory {
  getPersona(id: string): Promise<Persona | null>;
  /** The persona and line a dialled number belongs to, or null for a number nobody answers. */
  findLineForNumber(number: string): Promise<{ persona: Persona; line: HotlineNumber } | null>;
  /** The persona the `hotline` chat channel talks to in this language (first that speaks it). */
  personaForChat(language: Language): Promise<Persona | null>;
}

/** The personas stored in `hotline_personas` (src/hotline/persona). */
export function databasePersonaDirectory(db: Sql): PersonaDirectory {
  return {
    getPersona: (id) => getPersona(db, id),
    findLineForNumber: (number) => findLineForNumber(db, number),
    async personaForChat(language) {
      const personas = await listPersonas(db);
      return personas.find((p) => p.languages.includes(language)) ?? personas[0] ?? null;
    },
  };
}
