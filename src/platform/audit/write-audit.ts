import type { Kysely, Transaction } from 'kysely';
import type { ActorType, DB } from '../db/schema.js';

/** Who did something: staff, a customer, an API key, the system, or the AI. */
export interface Actor {
  type: ActorType;
  id: string | null;
  requestId?: string | undefined;
}

export const systemActor: Actor = { type: 'system', id: null };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | undefined;
}

/**
 * Appends an audit row. Call it inside the same transaction as the change it
 * describes, so the change and its record commit or roll back together.
 */
export async function writeAudit(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_type: actor.type,
      actor_id: actor.id,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
      request_id: actor.requestId ?? null,
    })
    .execute();
}
