import type { Sql } from '../../platform/db/database.js';
import { listPersonas } from './get-persona.js';
import { normaliseNumber } from './normalise-number.js';
import type { HotlineNumber, Persona } from './persona.js';

/** The persona and line (market, language) a number belongs to, or null when it is not a hotline number. */
export async function findLineForNumber(
  db: Sql,
  number: string,
): Promise<{ persona: Persona; line: HotlineNumber } | null> {
  const wanted = normaliseNumber(number);
  for (const persona of await listPersonas(db)) {
    const line = persona.numbers.find((n) => normaliseNumber(n.number) === wanted);
    if (line) return { persona, line };
  }
  return null;
}
