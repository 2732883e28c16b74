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

/** An event to publish: what `publish` takes, for `publishMany`. */
export interface OutgoingEvent {
  topic: string;
  type: string;
  data: unknown;
}

export interface EventBus {
  /**
   * Publishes an event. Pass the transaction that made the change so the event
   * is only delivered if that change commits.
   */
  publish(topic: string, type: string, data: unknown, trx?: Transaction<DB>): Promise<void>;
  /** Publishes several events, in order, with one round trip; `publishEvents` falls back to `publish`. */
  publishMany?(events: readonly OutgoingEvent[], trx?: Transaction<DB>): Promise<void>;
  subscribe(handler: LiveEventHandler): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Publishes events in order: in one statement when the bus can, else one by one. */
export async function publishEvents(
  bus: EventBus,
  events: readonly OutgoingEvent[],
  trx?: Transaction<DB>,
): Promise<void> {
  if (bus.publishMany) return bus.publishMany(events, trx);
  for (const e of events) await bus.publish(e.topic, e.type, e.data, trx);
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
    await this.publishMany([{ topic, type, data }], trx);
  }

  async publishMany(events: readonly OutgoingEvent[], trx?: Transaction<DB>) {
    if (!events.length) return;
    const db: Kysely<DB> = trx ?? this.database.db;
    const at = new Date().toISOString();
    const payloads: string[] = [];
    for (const { topic, type, data } of events) {
      const event: LiveEvent = { id: randomUUID(), topic, type, data, at, origin: this.processId };
      let payload = JSON.stringify(event);
      if (Buffer.byteLength(payload) > MAX_INLINE_PAYLOAD) {
        const row = await db
          .insertInto('live_event_payloads')
          .values({ event: payload })
          .returning('id')
          .executeTakeFirstOrThrow();
        payload = JSON.stringify({ ref: row.id });
      }
      payloads.push(payload);
    }
    // One statement; its target list is evaluated left to right, so listeners get the events in order.
    const notifies = sql.join(payloads.map((p) => sql`pg_notify(${this.channel}, ${p})`));
    if (trx) {
      await sql`select ${notifies}`.execute(trx);
      return;
    }
    // Outside a transaction the statement is a notify-only transaction of its own: nothing in it
    // needs to be durable, and PostgreSQL holds one database-wide lock from a notifying commit
    // until its WAL flush, so an asynchronous commit keeps that lock short for everyone.
    await sql`select set_config('synchronous_commit', 'off', true), ${notifies}`.execute(db);
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
