import type { Transaction } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import type { EventBus, LiveEvent, LiveEventHandler } from '../../src/platform/events/event-bus.js';

/**
 * EventBus fake that keeps every published event in order. It records at publish time: a
 * Kysely transaction has no commit hook to wait for, so an event published in a transaction
 * that later rolled back is still recorded. Assert on events after successful calls.
 */
export class RecordingEventBus implements EventBus {
  readonly events: LiveEvent[] = [];
  /** Whether each event was published inside a transaction (use cases should always pass one). */
  readonly inTransaction: boolean[] = [];
  private readonly handlers = new Set<LiveEventHandler>();
  private seq = 0;

  async publish(topic: string, type: string, data: unknown, trx?: Transaction<DB>): Promise<void> {
    const event: LiveEvent = {
      id: `evt-${++this.seq}`,
      topic,
      type,
      data,
      at: new Date().toISOString(),
      origin: 'test',
    };
    this.events.push(event);
    this.inTransaction.push(trx !== undefined);
    for (const h of this.handlers) h(event);
  }

  subscribe(handler: LiveEventHandler): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  ofType(type: string): LiveEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  clear(): void {
    this.events.length = 0;
    this.inTransaction.length = 0;
  }
}
