import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePersonaDirectory } from '../../src/hotline/calls/persona-directory.js';
import { sweepIdleCalls } from '../../src/hotline/calls/sweep-idle-calls.js';
import { fakePersona, insertFakePersona, scriptedInterview } from '../support/hotline-fakes.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

describe.each(serverTestTargets())('idle hotline calls (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database, env: { HOTLINE_AUDIO_RETENTION_DAYS: '0' } });
    await insertFakePersona(server.app.deps.db);
  });
  afterAll(async () => server?.close());

  it('ends a call left active by a dead process, and leaves a live one alone', async () => {
    const { deps } = server.app;
    const now = deps.clock.now();
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    const stale = '00000000-0000-4000-8000-0000000000c1';
    const live = '00000000-0000-4000-8000-0000000000c2';
    for (const [id, lastActivity] of [
      [stale, minutesAgo(20)],
      [live, minutesAgo(1)],
    ] as const) {
      await deps.db
        .insertInto('hotline_calls')
        .values({
          id,
          persona_id: fakePersona.id,
          channel: 'phone',
          language: 'en',
          consent_notice: 'notice',
          started_at: minutesAgo(30),
          updated_at: lastActivity,
        })
        .execute();
    }
    const ended = await sweepIdleCalls(
      {
        ...deps,
        interview: scriptedInterview,
        personas: databasePersonaDirectory(deps.db),
        hotline: deps.config.hotline,
      },
      15 * 60_000,
    );
    expect(ended).toBe(1);
    const rows = await deps.db
      .selectFrom('hotline_calls')
      .select(['id', 'status', 'end_reason', 'summary'])
      .where('id', 'in', [stale, live])
      .orderBy('id')
      .execute();
    expect(rows[0]).toMatchObject({ id: stale, status: 'ended', end_reason: 'idle_timeout' });
    expect(rows[0]!.summary).not.toBeNull();
    expect(rows[1]).toMatchObject({ id: live, status: 'active', end_reason: null });
    // The insights pipeline hears about the swept call like any other.
    const jobs = await deps.db
      .selectFrom('jobs')
      .select('payload')
      .where('queue', '=', 'insights.hotline-call-ended')
      .execute();
    expect(jobs.map((j) => (j.payload as { callId: string }).callId)).toContain(stale);
  });
});
