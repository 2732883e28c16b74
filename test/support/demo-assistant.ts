import type { Language } from '../../src/assistant/language/detect-language.js';
import { type AssistantModels, loadAssistantModels } from '../../src/assistant/load-assistant-models.js';
import {
  type BuiltinAssistant,
  createBuiltinAssistant,
} from '../../src/assistant/responder/builtin-assistant.js';
import type { AssistantTurn, ConversationContext } from '../../src/conversations/assistant-port.js';
import { seedDemoCompany } from '../../src/demo/seed-database.js';
import { importKnowledgeBase } from '../../src/knowledge/import-articles.js';
import { createKnowledgeBaseSearch } from '../../src/knowledge/search-articles.js';
import { fixedClock } from '../../src/platform/clock.js';
import type { Sql } from '../../src/platform/db/database.js';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { RecordingEventBus } from './recording-event-bus.js';

/** An in-memory database with the help centre and a small demo company, and the built-in assistant over it. */
export interface DemoAssistant {
  database: Database;
  assistant: BuiltinAssistant;
  models: AssistantModels;
  /** Alex Morgan (en-US, USD) and Elsa Lindqvist (sv-SE, SEK), the demo company's fixed customers. */
  alex: string;
  elsa: string;
  close(): Promise<void>;
}

export async function openDemoAssistant(now: Date): Promise<DemoAssistant> {
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' });
  await migrate(database);
  await importKnowledgeBase(database.db);
  await seedDemoCompany(database, { customers: 5, seed: 1, workers: 0, now });
  const ids = new Map(
    (await database.db.selectFrom('customers').select(['id', 'email']).execute()).map((c) => [c.email, c.id]),
  );
  const models = await loadAssistantModels();
  return {
    database,
    models,
    assistant: createBuiltinAssistant(builtinDeps(database.db, now, models)),
    alex: ids.get('alex.morgan@example.com') ?? '',
    elsa: ids.get('elsa.lindqvist@example.se') ?? '',
    close: () => database.close(),
  };
}

/** The built-in assistant's dependencies on `db` with a fixed clock and a recording event bus. */
export function builtinDeps(db: Sql, now: Date, models: AssistantModels) {
  return {
    db,
    events: new RecordingEventBus(),
    clock: fixedClock(now),
    kb: createKnowledgeBaseSearch(db),
    ...models,
  };
}

/** A chat conversation's context as the conversation service passes it. */
export function chatContext(
  customerId: string | null,
  language: Language,
  now: Date,
  options: { state?: Record<string, unknown>; conversationId?: string } = {},
): ConversationContext {
  return {
    conversationId: options.conversationId ?? 'c1',
    customerId,
    language,
    channel: 'chat',
    history: [],
    state: options.state ?? {},
    now,
  };
}

export const replyText = (turn: AssistantTurn) => turn.replies.map((r) => r.text).join('\n');
