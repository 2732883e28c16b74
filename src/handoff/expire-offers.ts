import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import { agentTopic } from '../workforce/agent-views.js';
import type { DispatchDeps } from './dispatch-conversation.js';
import { triggerDispatch } from './dispatch-trigger.js';
import { toOfferView } from './offer-views.js';

const dispatcher: Actor = { type: 'system', id: null };

/**
 * Lapses pending offers whose countdown is over (one offer, or all when no id) and sends their
 * conversations to the next agent. Runs from the job queue at each offer's expiry and from a
 * periodic sweep, so an offer made by a process that died still lapses.
 */
export async function expireOffers(deps: DispatchDeps, offerId?: string): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('dispatch_offers as o')
      .innerJoin('agents as a', 'a.id', 'o.agent_id')
      .select(['o.id', 'a.staff_user_id'])
      .where('o.status', '=', 'pending')
      .where('o.expires_at', '<=', now)
      .orderBy('o.expires_at')
      .limit(500)
      .forUpdate('o')
      .skipLocked();
    if (offerId) q = q.where('o.id', '=', offerId);
    const due = await q.execute();
    for (const { id, staff_user_id } of due) {
      const expired = await trx
        .updateTable('dispatch_offers')
        .set({ status: 'expired', answered_at: now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, dispatcher, {
        action: 'offer.expired',
        entityType: 'dispatch_offer',
        entityId: id,
        before: { status: 'pending' },
        after: { status: 'expired' },
      });
      await deps.events.publish(
        agentTopic(staff_user_id),
        'offer.expired',
        { offer: toOfferView(expired) },
        trx,
      );
      await triggerDispatch(deps.jobs, trx, expired.conversation_id);
    }
    return due.length;
  });
}
