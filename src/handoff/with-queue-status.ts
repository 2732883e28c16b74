import type { DispatchConfig } from '../platform/config.js';
import type { Sql } from '../platform/db/database.js';
import { queueStatus } from './queue-status.js';

interface WithHandoff {
  status: string;
  handoff: { reason: string; priority: 'normal' | 'high' | 'urgent'; queue: string } | null;
}

/**
 * Adds the live queue figures (position, etaSeconds, agentsOnline, callbackRequested) to a
 * conversation view's `handoff` while it waits for a person; other views pass through.
 */
export async function withQueueStatus<V extends WithHandoff>(
  db: Sql,
  config: DispatchConfig,
  conversationId: string,
  view: V,
  now: Date,
): Promise<V> {
  if (view.status !== 'waiting_for_human' || !view.handoff) return view;
  const row = await db
    .selectFrom('conversations')
    .select([
      'id',
      'language',
      'priority',
      'required_skills',
      'waiting_since',
      'callback_requested_at',
      'status',
    ])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (row?.status !== 'waiting_for_human') return view;
  return { ...view, handoff: { ...view.handoff, ...(await queueStatus(db, row, config, now)) } };
}
