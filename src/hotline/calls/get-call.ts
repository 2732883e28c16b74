import type { Sql } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { isUuid } from '../../platform/ids.js';
import {
  type CallDetailView,
  type CallRow,
  type FeedbackItemView,
  type TurnView,
  toCallDetail,
  toFeedbackView,
  toTurnView,
} from './call-views.js';

export interface CallRecord {
  row: CallRow;
  call: CallDetailView;
  turns: TurnView[];
  feedbackItems: FeedbackItemView[];
}

/** One call with its turns and feedback items; 404 when there is none. */
export async function getCall(db: Sql, id: string, now: Date): Promise<CallRecord> {
  if (!isUuid(id)) throw notFound('Call');
  const row = await db.selectFrom('hotline_calls').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Call');
  const [turns, items] = await Promise.all([
    db.selectFrom('hotline_turns').selectAll().where('call_id', '=', id).orderBy('seq').execute(),
    db
      .selectFrom('hotline_feedback_items')
      .selectAll()
      .where('call_id', '=', id)
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    row,
    call: toCallDetail(row, turns.length, now),
    turns: turns.map(toTurnView),
    feedbackItems: items.map(toFeedbackView),
  };
}
