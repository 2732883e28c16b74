import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectCarrier } from '../support/fake-carrier.js';
import {
  FAKE_NUMBER_EN,
  fakeCodec,
  fakeSpeech,
  insertFakePersona,
  scriptedInterview,
} from '../support/hotline-fakes.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Voice calls are CPU-bound: past HOTLINE_MAX_CALLS a caller hears "busy" rather than slowing every call. */
describe('hotline line capacity', () => {
  let server: TestServer;
  const fakes = fakeSpeech([]);

  beforeAll(async () => {
    server = await startTestServer({
      env: { HOTLINE_MAX_CALLS: '1' },
      app: { hotline: { speech: fakes.speech, codec: fakeCodec, interview: scriptedInterview } },
    });
    await insertFakePersona(server.app.deps.db);
  }, 60_000);
  afterAll(async () => server?.close());

  const incoming = (sid: string) =>
    server.app.http.inject({
      method: 'POST',
      url: '/api/v1/hotline/voice/incoming',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ CallSid: sid, From: '+15551234567', To: FAKE_NUMBER_EN }).toString(),
    });

  it('answers one call, tells the next that every line is busy (phone and browser), and takes calls again after', async () => {
    const first = await incoming('CA1');
    expect(first.body).toContain('<Stream');
    // The first call's stream has not started yet, but its line is held.
    const second = await incoming('CA2');
    expect(second.body).toContain('All our lines are busy');
    expect(second.body).toContain('<Hangup/>');

    const callId = /name="callId" value="([^"]+)"/.exec(first.body)![1]!;
    const token = /name="token" value="([^"]+)"/.exec(first.body)![1]!;
    const carrier = connectCarrier(`${server.url.replace(/^http/, 'ws')}/api/v1/hotline/media-stream`);
    await carrier.opened;
    carrier.start(callId, token);
    await carrier.waitFor((f) => f.event === 'mark');

    const browser = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/api/v1/hotline/browser-call?number=${encodeURIComponent(FAKE_NUMBER_EN)}`,
    );
    const messages: string[] = [];
    browser.on('message', (m, binary) => {
      if (!binary) messages.push(m.toString());
    });
    const code = await new Promise<number>((resolve) => browser.on('close', (c) => resolve(c)));
    expect(code).toBe(1013);
    expect(messages.join(' ')).toMatch(/All lines are busy/);

    carrier.stop();
    await carrier.closed;
    const third = await incoming('CA3');
    expect(third.body).toContain('<Stream');
  });
});
