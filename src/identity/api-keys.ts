import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { Sql } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { randomToken, safeEqual, sha256 } from './tokens.js';

/** Scopes an API key can carry; each server-to-server route checks one. */
export const API_SCOPES = ['risk:score', 'conversations:write', 'customers:read', 'insights:import'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const KEY_RE = /^tdm_([a-z0-9]{10})_([A-Za-z0-9_-]{30,})$/;

function view(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Creates a key. The secret is returned once and only its hash is stored. */
export async function createApiKey(
  db: Sql,
  actor: Actor,
  input: { name: string; scopes: ApiScope[] },
): Promise<{ apiKey: ApiKeyView; secret: string }> {
  const prefix = randomToken(16)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 10)
    .padEnd(10, '0');
  const secret = `tdm_${prefix}_${randomToken(32)}`;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_keys')
      .values({
        id: newId(),
        name: input.name,
        prefix,
        secret_hash: sha256(secret),
        scopes: input.scopes,
        created_by: actor.type === 'staff' ? actor.id : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const apiKey = view(row);
    await writeAudit(trx, actor, {
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: row.id,
      after: apiKey,
    });
    return { apiKey, secret };
  });
}

export async function listApiKeys(db: Sql): Promise<ApiKeyView[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(view);
}

export async function revokeApiKey(db: Sql, actor: Actor, id: string, now: Date): Promise<ApiKeyView> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('API key');
    const row = await trx
      .updateTable('api_keys')
      .set({ revoked_at: before.revoked_at ?? now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: id,
      before: view(before),
      after: view(row),
    });
    return view(row);
  });
}

/** Returns the key's id and scopes if the presented secret is valid and not revoked. */
export async function verifyApiKey(
  db: Sql,
  presented: string,
  now: Date,
): Promise<{ id: string; scopes: string[] } | undefined> {
  const match = KEY_RE.exec(presented);
  if (!match) return undefined;
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'secret_hash', 'scopes', 'last_used_at'])
    .where('prefix', '=', match[1]!)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !safeEqual(row.secret_hash, sha256(presented))) return undefined;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { id: row.id, scopes: row.scopes };
}
