import type { z } from 'zod';
import type { Actor } from '../../platform/audit/write-audit.js';
import { writeAudit } from '../../platform/audit/write-audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, conflict } from '../../platform/errors.js';
import type { Persona } from './persona.js';
import { personaSchema } from './persona-schema.js';

/** A zod failure as the HTTP error body's `details`: one `{ path, message }` per problem. */
export function personaValidationError(error: z.ZodError): AppError {
  const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return new AppError(400, 'validation_failed', `Invalid persona: ${summary}`, details);
}

/**
 * Creates or replaces a persona (an admin's edit). Validated (numbers normalised to E.164);
 * a number may belong to one persona only; audited with the definition before and after.
 */
export async function savePersona(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: unknown,
): Promise<Persona> {
  const parsed = personaSchema.safeParse(input);
  if (!parsed.success) throw personaValidationError(parsed.error);
  const persona = parsed.data as Persona;
  return deps.db.transaction().execute(async (tx) => {
    const others = await tx
      .selectFrom('hotline_personas')
      .select(['id', 'definition'])
      .where('id', '!=', persona.id)
      .execute();
    for (const other of others) {
      const taken = new Set(((other.definition as Persona).numbers ?? []).map((n) => n.number));
      const clash = persona.numbers.find((n) => taken.has(n.number));
      if (clash) throw conflict(`${clash.number} already belongs to persona ${other.id}`);
    }
    const before = await tx
      .selectFrom('hotline_personas')
      .select('definition')
      .where('id', '=', persona.id)
      .forUpdate()
      .executeTakeFirst();
    const staffId = actor.type === 'staff' ? actor.id : null;
    const now = deps.clock.now();
    await tx
      .insertInto('hotline_personas')
      .values({
        id: persona.id,
        name: persona.name,
        definition: JSON.stringify(persona),
        updated_at: now,
        updated_by: staffId,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name: persona.name,
          definition: JSON.stringify(persona),
          updated_at: now,
          updated_by: staffId,
        }),
      )
      .execute();
    await writeAudit(tx, actor, {
      action: before ? 'hotline.persona.updated' : 'hotline.persona.created',
      entityType: 'hotline_persona',
      entityId: persona.id,
      before: before?.definition,
      after: persona,
    });
    return persona;
  });
}
