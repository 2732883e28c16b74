import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';

/**
 * On `shipped`: one outbox row per opted-in person (feedback_items.wants_follow_up) whose item is in
 * the theme: a customer (by customer_id) or a hotline caller (by call). One row per person even
 * when they gave several items. Customers read theirs in the host app (`src/insights/follow-ups`),
 * which marks them sent; a hotline caller without an account has only a masked number and stays
 * pending until an outbound channel (SMS, call-back) exists.
 */
export async function recordFollowUps(
  trx: Transaction<DB>,
  theme: { id: string; label: string },
): Promise<number> {
  const items = await trx
    .selectFrom('feedback_items')
    .select(['id', 'customer_id', 'source', 'source_ref'])
    .where('theme_id', '=', theme.id)
    .where('wants_follow_up', '=', true)
    .orderBy('occurred_at')
    .execute();
  const seen = new Set<string>();
  let n = 0;
  for (const item of items) {
    const callId = item.source === 'hotline_call' ? item.source_ref : null;
    const person = item.customer_id ? `c:${item.customer_id}` : callId ? `h:${callId}` : null;
    if (!person || seen.has(person)) continue;
    seen.add(person);
    const res = await trx
      .insertInto('insight_follow_ups')
      .values({
        id: newId(),
        theme_id: theme.id,
        feedback_item_id: item.id,
        customer_id: item.customer_id,
        hotline_call_id: callId,
        channel: item.customer_id ? 'conversation' : 'hotline_caller',
        message: `Thank you for your feedback. What you told us about "${theme.label}" has now shipped.`,
      })
      .onConflict((oc) => oc.columns(['theme_id', 'feedback_item_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (res) n++;
  }
  return n;
}
