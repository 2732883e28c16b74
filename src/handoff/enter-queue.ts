import type { Transaction } from 'kysely';
import type { HandoffRequest } from '../conversations/assistant-port.js';
import { insertMessages, messageCreatedEvents } from '../conversations/conversation-store.js';
import { conversationTopic, languageOf } from '../conversations/conversation-views.js';
import type { DispatchConfig } from '../platform/config.js';
import type { DB } from '../platform/db/schema.js';
import { type EventBus, publishEvents } from '../platform/events/event-bus.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import { HANDOFF_NOTE_QUEUE, triggerDispatch } from './dispatch-trigger.js';
import { skillsForQueue } from './eligible-agents.js';
import { NO_AGENT_ONLINE } from './handoff-texts.js';
import { type QueueStatus, queueStatus } from './queue-status.js';

export interface EnterQueueDeps {
  events: EventBus;
  jobs: JobQueue;
  dispatch: DispatchConfig;
  /** An LLM is configured: it also writes a note for the agent, after the handoff commits. */
  llmNote?: boolean;
}

/**
 * Puts a conversation that just moved to waiting_for_human into the human queue, inside the
 * handoff's transaction (the caller holds the conversation row lock): queue, priority, required
 * skills, waiting since; a dispatch job that exists if and only if the handoff commits; and,
 * when nobody who could take it is online, a plain message saying so and offering a callback.
 */
export async function enterQueue(
  trx: Transaction<DB>,
  deps: EnterQueueDeps,
  conversationId: string,
  handoff: HandoffRequest,
  now: Date,
): Promise<QueueStatus> {
  const row = await trx
    .updateTable('conversations')
    .set({
      queue: handoff.queue,
      priority: handoff.priority,
      required_skills: skillsForQueue(handoff.queue),
      waiting_since: now,
      assigned_agent_id: null,
      assigned_at: null,
    })
    .where('id', '=', conversationId)
    .returning(['id', 'language', 'priority', 'required_skills', 'waiting_since', 'callback_requested_at'])
    .executeTakeFirstOrThrow();
  const status = await queueStatus(trx, row, deps.dispatch, now);
  if (status.agentsOnline === 0) {
    const rows = await insertMessages(
      trx,
      conversationId,
      [{ role: 'system', text: NO_AGENT_ONLINE[languageOf(row)] }],
      new Date(now.getTime() + 10),
    );
    await publishEvents(deps.events, messageCreatedEvents(conversationId, rows), trx);
  }
  await deps.events.publish(
    conversationTopic(conversationId),
    'queue.updated',
    { conversationId, ...status },
    trx,
  );
  await triggerDispatch(deps.jobs, trx, conversationId);
  if (deps.llmNote) await deps.jobs.enqueue(HANDOFF_NOTE_QUEUE, { conversationId }, { maxAttempts: 2 }, trx);
  return status;
}
