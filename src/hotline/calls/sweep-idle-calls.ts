import { scheduleRecurringJob } from '../../platform/queue/schedule-recurring-job.js';
import { endCall } from './end-call.js';
import type { CallDeps } from './hotline-deps.js';

export const SWEEP_IDLE_CALLS_QUEUE = 'hotline.sweep-idle-calls';

/** Ends calls left active by a process that died mid-call: no activity for `idleMs`. */
export async function sweepIdleCalls(deps: CallDeps, idleMs: number): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - idleMs);
  const stale = await deps.db
    .selectFrom('hotline_calls')
    .select('id')
    .where('status', '=', 'active')
    .where('updated_at', '<', before)
    .limit(200)
    .execute();
  for (const { id } of stale) await endCall(deps, { callId: id, reason: 'idle_timeout' });
  if (stale.length) deps.logger.info({ calls: stale.length }, 'idle hotline calls ended');
  return stale.length;
}

export function scheduleIdleCallSweep(deps: CallDeps, idleMs: number, everyMs = 60_000): () => void {
  return scheduleRecurringJob(
    deps.jobs,
    SWEEP_IDLE_CALLS_QUEUE,
    async () => {
      await sweepIdleCalls(deps, idleMs);
    },
    everyMs,
  );
}
