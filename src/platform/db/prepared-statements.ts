import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Distinct statements given a name; later ones run unnamed, so a stream of one-off SQL cannot grow every connection without bound. */
const MAX_NAMED_STATEMENTS = 300;
/** Longer SQL (bulk inserts) is rarely repeated verbatim. */
const MAX_NAMED_SQL_CHARS = 4_000;

/**
 * Runs Kysely's queries on `pool` as named prepared statements: each connection parses and
 * analyses a statement once, then only binds and executes it. Measured on a chat turn's lock
 * query, the backend's CPU per execution fell from ~150 to ~55 µs. Queries without parameters
 * (begin, commit) use the simple protocol: one message instead of five.
 *
 * A statement prepared before a migration changed its result columns (e.g. `select *` after
 * `add column`) fails once with 0A000 on each connection that prepared it; it then gets a new
 * name, so the next execution prepares it again. After five executions PostgreSQL may plan a
 * statement once for any parameters (a generic plan), so a predicate that must match a partial
 * index while planning (an ON CONFLICT arbiter) has to be written with literals, not parameters.
 * DATABASE_PREPARED_STATEMENTS=false turns this off.
 */
export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  let counter = 0;
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED_STATEMENTS && text.length <= MAX_NAMED_SQL_CHARS) {
      name = `tandem_${++counter}`;
      names.set(text, name);
    }
    return name;
  };
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();

  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    async function run(text: string, parameters: ReadonlyArray<unknown>): Promise<pg.QueryResult> {
      if (parameters.length === 0) return client.query(text);
      const name = nameOf(text);
      const values = parameters as unknown[];
      try {
        return await client.query(name ? { name, text, values } : { text, values });
      } catch (err) {
        if (name && (err as { code?: string }).code === '0A000' && names.get(text) === name) {
          names.set(text, `tandem_${++counter}`);
        }
        throw err;
      }
    }
    // Kysely's client type is generic in the row type; pg's results are the same objects.
    const wrapped = {
      query: (textOrCursor: unknown, parameters?: ReadonlyArray<unknown>) =>
        typeof textOrCursor === 'string'
          ? run(textOrCursor, parameters ?? [])
          : client.query(textOrCursor as pg.Submittable),
      release: () => client.release(),
    } as unknown as PostgresPoolClient;
    return wrapped;
  };

  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}
