import { triggerDispatch } from '../handoff/dispatch-trigger.js';
import type { Principal } from '../identity/principal.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { DispatchConfig } from '../platform/config.js';
import { conflict } from '../platform/errors.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import { recordConversationEarning } from '../workforce/record-conversation-earning.js';
import { lockForHandler } from './conversation-handler.js';
import { appendMessages } from './conversation-store.js';
import { conversationTopic, languageOf } from './conversation-views.js';
import { HUMAN_COPY, type ResolutionCode } from './human-copy.js';
import type { HumanActionDeps } from './post-agent-message.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

/** Finishing also pays the agent and frees their capacity for the next offer. */
export interface FinishDeps extends HumanActionDeps {
  jobs: JobQueue;
  config: { dispatch: DispatchConfig };
}

export interface FinishResult {
  conversationId: string;
  status: 'bot' | 'closed';
  resolutionCode: ResolutionCode;
}

/**
 * Ends a person's part in a conversation: back to the assistant (`bot`) or `closed`, with the
 * wrap-up code. The customer is told who finished and asked for a rating; the staff topic gets
 * `conversation.human_finished` when a person handled it (earnings are paid on it).
 */
export async function finishHumanHandling(
  deps: FinishDeps,
  actor: Actor,
  principal: Staff,
  input: { conversationId: string; to: 'bot' | 'closed'; resolutionCode: ResolutionCode },
): Promise<FinishResult> {
  return deps.db.transaction().execute(async (trx) => {
    const { conversation, handler } = await lockForHandler(trx, principal, input.conversationId);
    if (conversation.status === 'closed') throw conflict('The conversation is already closed');
    if (input.to === 'bot' && conversation.status === 'bot') {
      throw conflict('The assistant already has this conversation');
    }
    const now = deps.clock.now();
    const updated = await trx
      .updateTable('conversations')
      .set({
        status: input.to,
        resolution_code: input.resolutionCode,
        updated_at: now,
        ...(input.to === 'closed' ? { closed_at: now } : {}),
        // The assistant starts afresh: no half-finished flow or counters from before the handoff.
        ...(input.to === 'bot' ? { assistant_state: '{}' } : {}),
      })
      .where('id', '=', conversation.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: input.to === 'closed' ? 'conversation.closed' : 'conversation.handed_back',
      entityType: 'conversation',
      entityId: conversation.id,
      before: { status: conversation.status, resolutionCode: conversation.resolution_code },
      after: { status: updated.status, resolutionCode: updated.resolution_code },
      reason: input.resolutionCode,
    });
    const copy = HUMAN_COPY[languageOf(conversation)];
    const who = handler.agent?.displayName ?? 'Our team';
    await appendMessages(
      trx,
      deps.events,
      conversation.id,
      [
        { role: 'system', text: input.to === 'closed' ? copy.closed(who) : copy.handedBack(who) },
        { role: 'system', text: copy.rate },
      ],
      now,
    );
    const status = {
      conversationId: conversation.id,
      status: updated.status,
      handoff: null,
      ratingRequested: true,
    };
    await deps.events.publish(conversationTopic(conversation.id), 'conversation.status_changed', status, trx);
    const humanAgent = conversation.assigned_agent_id;
    if (humanAgent) {
      await deps.events.publish(
        'staff',
        'conversation.human_finished',
        {
          conversationId: conversation.id,
          agentId: humanAgent,
          status: updated.status,
          resolutionCode: input.resolutionCode,
        },
        trx,
      );
      await recordConversationEarning(
        trx,
        actor,
        deps.config.dispatch,
        { agentId: humanAgent, conversationId: conversation.id, assignedAt: conversation.assigned_at },
        now,
      );
      // The agent has a free slot again: offer them (or anyone) the next waiting conversation.
      await triggerDispatch(deps.jobs, trx);
    }
    return { conversationId: conversation.id, status: input.to, resolutionCode: input.resolutionCode };
  });
}
