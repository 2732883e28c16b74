import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { ChatModel, JsonSchema } from '../assistant/llm/chat-model.js';
import { extractFigures } from '../assistant/llm/figure-check.js';
import { listMessages } from '../conversations/conversation-store.js';
import type { AssistantProviderConfig } from '../platform/config.js';
import type { Sql } from '../platform/db/database.js';
import type { EventBus } from '../platform/events/event-bus.js';
import { redactPersonalData } from '../platform/privacy/redact-personal-data.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import { type HandoffSummary, handoffSummarySchema } from './build-handoff-summary.js';
import { HANDOFF_NOTE_QUEUE } from './dispatch-trigger.js';

const MAX_NOTE_CHARS = 600;
const TRANSCRIPT_MESSAGES = 40;

const NOTE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { note: { type: 'string' } },
  required: ['note'],
  additionalProperties: false,
};

const INSTRUCTIONS = [
  'You write the handoff note a support agent reads before taking over a chat from an AI assistant.',
  'Write in English, at most three sentences: what the customer needs, what is already known, what the',
  'assistant did or could not do, and the next step. Use only facts in the transcript and the structured',
  'summary. Never invent amounts, dates, order numbers or promises. Answer as JSON: {"note": "..."}.',
].join(' ');

export type HandoffNoteOutcome = 'written' | 'rejected' | 'skipped';

export interface HandoffNoteDeps {
  db: Sql;
  events: EventBus;
  model: ChatModel;
  timeoutMs: number;
  logger: Pick<Logger, 'warn'>;
}

/** Every number the note states must appear in what the model was given, or the note is dropped. */
function inventedNumber(note: string, source: string): string | undefined {
  const known = new Set(extractFigures(source).numbers);
  return extractFigures(note).numbers.find((n) => !known.has(n));
}

/**
 * Adds an LLM-written note to a conversation's handoff summary. The templated summary is already
 * there (built in the handoff's transaction), so the agent never waits for this; a failing,
 * slow or inventive model only means no note. Personal data is redacted before it leaves.
 */
export async function summariseHandoffWithLlm(
  deps: HandoffNoteDeps,
  conversationId: string,
): Promise<HandoffNoteOutcome> {
  const row = await deps.db
    .selectFrom('conversations')
    .select(['handoff_summary'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  const parsed = handoffSummarySchema.safeParse(row?.handoff_summary);
  if (!parsed.success || parsed.data.llmText) return 'skipped';
  const summary: HandoffSummary = parsed.data;

  const transcript = (await listMessages(deps.db, conversationId))
    .slice(-TRANSCRIPT_MESSAGES)
    .map((m) => `${m.role}: ${redactPersonalData(m.text).text}`)
    .join('\n');
  const { customer, text: _templated, ...structured } = summary;
  const facts = redactPersonalData(
    JSON.stringify({ ...structured, customerVerified: customer.verified }),
  ).text;
  const source = `${facts}\n${transcript}`;

  const completion = await deps.model.complete({
    messages: [
      { role: 'system', content: INSTRUCTIONS },
      { role: 'user', content: `Structured summary:\n${facts}\n\nTranscript:\n${transcript}` },
    ],
    jsonSchema: { name: 'handoff_note', schema: NOTE_SCHEMA },
    maxTokens: 300,
    temperature: 0.2,
    signal: AbortSignal.timeout(deps.timeoutMs),
  });
  let note: string;
  try {
    const json = JSON.parse(completion.text) as { note?: unknown };
    note = typeof json.note === 'string' ? json.note.trim() : '';
  } catch {
    note = '';
  }
  const invented = note ? inventedNumber(note, source) : undefined;
  if (!note || note.length > MAX_NOTE_CHARS || invented) {
    deps.logger.warn(
      {
        conversationId,
        model: deps.model.id,
        reason: !note ? 'empty' : invented ? 'invented_figure' : 'too_long',
      },
      'handoff note from the LLM rejected; the templated summary stands',
    );
    return 'rejected';
  }
  const updated: HandoffSummary = { ...summary, llmText: note, llmModel: deps.model.id };
  const result = await deps.db
    .updateTable('conversations')
    .set({ handoff_summary: JSON.stringify(updated) })
    .where('id', '=', conversationId)
    // Only onto the summary it was written from: a newer handoff has its own.
    .where(sql<string>`handoff_summary->>'builtAt'`, '=', summary.builtAt)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return 'skipped';
  await deps.events.publish('staff', 'conversation.handoff_note_added', { conversationId });
  return 'written';
}

/** Handles the note jobs when an LLM provider is configured (the jobs are enqueued only then). */
export function registerHandoffNoteJob(
  deps: {
    db: Sql;
    events: EventBus;
    jobs: JobQueue;
    logger: Pick<Logger, 'warn'>;
    config: { assistant: AssistantProviderConfig };
  },
  model: ChatModel | undefined,
): void {
  const provider = deps.config.assistant;
  if (provider.provider === 'builtin') return;
  deps.jobs.register<{ conversationId: string }>(HANDOFF_NOTE_QUEUE, async (job) => {
    // An assistant injected without a model (tests) writes no notes.
    if (!model) return;
    await summariseHandoffWithLlm(
      { db: deps.db, events: deps.events, model, timeoutMs: provider.timeoutMs, logger: deps.logger },
      job.conversationId,
    );
  });
}
