import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';
import { PGliteDialect } from './pglite-dialect.js';
import { withPreparedStatements } from './prepared-statements.js';
import type { DB } from './schema.js';

export type Sql = Kysely<DB>;

export type NotificationHandler = (payload: string) => void;

/** The system of record: one typed query builder plus LISTEN/NOTIFY, on PGlite or a PostgreSQL server. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly schema: string;
  readonly db: Sql;
  /** Subscribes to a NOTIFY channel; the returned function unsubscribes. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  /** Runs raw multi-statement SQL (migrations). */
  exec(text: string): Promise<void>;
  /** Direct access for bulk loading (COPY) on a server; undefined on PGlite. */
  readonly pool: pg.Pool | undefined;
  readonly pglite: PGlite | undefined;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Money is stored in bigint minor units; every value we store fits in 2^53, so plain numbers are exact.
const toNumber = (v: string) => Number(v);
const keepString = (v: string) => v;

export async function openDatabase(
  target: AppConfig['database'],
  logger?: Pick<Logger, 'error' | 'warn'>,
): Promise<Database> {
  if (target.kind === 'pglite') return openPGlite(target.dataDir, target.schema);
  return openPostgres(target.url, target.poolSize, target.schema, logger, target.preparedStatements ?? true);
}

async function openPGlite(dataDir: string | undefined, schema: string): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepString },
  });
  if (schema !== 'public') {
    await pglite.exec(`create schema if not exists ${schema}; set search_path to ${schema}`);
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    schema,
    db,
    pool: undefined,
    pglite,
    async listen(channel, handler) {
      const unsubscribe = await pglite.listen(channel, handler);
      return async () => unsubscribe();
    },
    async exec(text) {
      await pglite.exec(text);
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return toNumber;
    if (oid === DATE) return keepString;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

async function openPostgres(
  url: string,
  poolSize: number,
  schema: string,
  logger?: Pick<Logger, 'error' | 'warn'>,
  preparedStatements = true,
): Promise<Database> {
  const options = `-c search_path=${schema}`;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes, options });
  pool.on('error', (err) => logger?.error({ err }, 'idle database connection failed'));
  if (schema !== 'public') {
    await pool.query(`create schema if not exists ${schema}`);
  }
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: preparedStatements ? withPreparedStatements(pool) : pool }),
  });
  const listener = new NotificationListener(url, options, logger);
  return {
    kind: 'postgres',
    schema,
    db,
    pool,
    pglite: undefined,
    listen: (channel, handler) => listener.listen(channel, handler),
    async exec(text) {
      await pool.query(text);
    },
    async close() {
      await listener.close();
      await db.destroy();
    },
  };
}

/** One dedicated connection per process for LISTEN, reconnecting with backoff when it drops. */
class NotificationListener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private closed = false;
  private retryMs = 100;

  constructor(
    private readonly url: string,
    private readonly options: string,
    private readonly logger?: Pick<Logger, 'error' | 'warn'>,
  ) {}

  async listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      const client = await this.connect();
      await client.query(`listen "${channel}"`);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (!this.connecting) {
      this.connecting = (async () => {
        const client = new pg.Client({ connectionString: this.url, options: this.options });
        client.on('notification', (msg) => {
          if (msg.payload === undefined) return;
          for (const h of this.handlers.get(msg.channel) ?? []) h(msg.payload);
        });
        client.on('error', (err) => {
          this.logger?.warn({ err }, 'notification listener connection lost; reconnecting');
          this.client = undefined;
          client.end().catch(() => {});
          this.scheduleReconnect();
        });
        await client.connect();
        for (const channel of this.handlers.keys()) await client.query(`listen "${channel}"`);
        this.client = client;
        this.retryMs = 100;
        return client;
      })().finally(() => {
        this.connecting = undefined;
      });
    }
    return this.connecting;
  }

  private scheduleReconnect() {
    if (this.closed) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
    setTimeout(() => {
      if (this.closed) return;
      this.connect().catch((err) => {
        this.logger?.error({ err }, 'notification listener reconnect failed');
        this.scheduleReconnect();
      });
    }, delay).unref();
  }

  async close() {
    this.closed = true;
    await this.client?.end().catch(() => {});
    this.client = undefined;
  }
}

export async function databaseIsReachable(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
