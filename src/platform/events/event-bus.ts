import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';

/**
 * A live event: something a connected screen should see now (a reply, an offer,
 * a status change). Topics scope who receives it: `staff`, `customer:<id>`,
 * `conversation:<id>`, `agent:<id>`.
 */
export interface LiveEvent {
  id: string;
  topic: string;
  type: string;
  data: unknown;
  at: string;
  /** Id of the process that published it, for diagnostics. */
  origin: string;
}

export type LiveEventHandler = (event: LiveEvent) => void;

export interface EventBus {
  /**
   * Publishes an event. Pass the transaction that made the change so the event
   * is only delivered if that change commits.
   */
  publish(topic: string, type: string, data: unknown, trx?: Transaction<DB>): Promise<void>;
  subscribe(handler: LiveEventHandler): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_INLINE_PAYLOAD = 7_000;

/**
 * Event bus over Postgres LISTEN/NOTIFY: every process on the same database
 * (PGlite in one process, or a PostgreSQL server shared by many) receives every event.
 */
export class PostgresEventBus implements EventBus {
  private readonly handlers = new Set<LiveEventHandler>();
  private unlisten: (() => Promise<void>) | undefined;
  readonly channel: string;
  readonly processId = randomUUID();

  constructor(
    private readonly database: Database,
    private readonly logger: Pick<Logger, 'warn' | 'error'>,
  ) {
    this.channel = `tandem_events_${database.schema}`;
  }

  async start() {
    this.unlisten = await this.database.listen(this.channel, (payload) => {
      this.receive(payload).catch((err) => this.logger.error({ err }, 'failed to deliver live event'));
    });
  }

  async stop() {
    await this.unlisten?.();
    this.unlisten = undefined;
  }

  subscribe(handler: LiveEventHandler) {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  async publish(topic: string, type: string, data: unknown, trx?: Transaction<DB>) {
    const event: LiveEvent = {
      id: randomUUID(),
      topic,
      type,
      data,
      at: new Date().toISOString(),
      origin: this.processId,
    };
    const db: Kysely<DB> = trx ?? this.database.db;
    let payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > MAX_INLINE_PAYLOAD) {
      const row = await db
        .insertInto('live_event_payloads')
        .values({ event: payload })
        .returning('id')
        .executeTakeFirstOrThrow();
      payload = JSON.stringify({ ref: row.id });
    }
    await sql`select pg_notify(${this.channel}, ${payload})`.execute(db);
  }

  private async receive(payload: string) {
    let parsed = JSON.parse(payload) as LiveEvent | { ref: number };
    if ('ref' in parsed) {
      const row = await this.database.db
        .selectFrom('live_event_payloads')
        .select('event')
        .where('id', '=', parsed.ref)
        .executeTakeFirst();
      if (!row) return;
      parsed = row.event as LiveEvent;
    }
    for (const handler of this.handlers) {
      try {
        handler(parsed);
      } catch (err) {
        this.logger.warn({ err, type: parsed.type }, 'live event handler failed');
      }
    }
  }
}
