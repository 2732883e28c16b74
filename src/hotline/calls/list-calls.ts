import type { Sql } from '../../platform/db/database.js';
import { type CallSummaryView, toCallSummary } from './call-views.js';

/** Newest calls first, with how many turns each has. */
export async function listCalls(
  db: Sql,
  filter: { status?: 'active' | 'ended' | undefined; limit: number },
): Promise<CallSummaryView[]> {
  let query = db
    .selectFrom('hotline_calls as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('hotline_turns as t')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('t.call_id', '=', 'c.id')
        .as('turn_count'),
    )
    .orderBy('c.started_at', 'desc')
    .limit(filter.limit);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  const rows = await query.execute();
  return rows.map(({ turn_count, ...row }) => toCallSummary(row, Number(turn_count ?? 0)));
}
