import type { LiveEvent } from '../../use-live-events';
import { isRecord } from '../../util';
import type { HotlineCallSummary } from './hotline-types';

/**
 * The call list after one `hotline` live event. `status` is the list's filter ('' for all): a
 * started call joins an "ended" list only when it ends (after a reload), an ended call leaves an
 * "active" list.
 */
export function applyCallEvent(
  calls: HotlineCallSummary[],
  event: LiveEvent,
  status: string,
): HotlineCallSummary[] {
  const data = isRecord(event.data) ? event.data : {};
  if (event.type === 'hotline.call.started' && isRecord(data.call)) {
    const call = data.call as unknown as HotlineCallSummary;
    if (status === 'ended' || calls.some((c) => c.id === call.id)) return calls;
    return [{ ...call, turnCount: call.turnCount ?? 0 }, ...calls];
  }
  if (event.type === 'hotline.turn' && typeof data.callId === 'string') {
    return calls.map((c) => (c.id === data.callId ? { ...c, turnCount: c.turnCount + 1 } : c));
  }
  if (event.type === 'hotline.call.ended' && typeof data.callId === 'string') {
    const ended = calls.map((c) =>
      c.id === data.callId
        ? {
            ...c,
            status: 'ended' as const,
            endedAt: c.endedAt ?? new Date().toISOString(),
            summary: typeof data.summary === 'string' ? data.summary : c.summary,
            endReason: typeof data.endReason === 'string' ? data.endReason : c.endReason,
          }
        : c,
    );
    return status === 'active' ? ended.filter((c) => c.status === 'active') : ended;
  }
  return calls;
}
