import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateCall } from '../../src/hotline/simulator/simulate-call.js';
import { logInAs } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The whole hotline with nothing scripted: the demo server with its real engines (pocketsphinx,
 * espeak-ng, the built-in interview), called by the simulator over the carrier's webhook and a
 * Media Stream in real time, the caller's lines spoken by espeak-ng through 8 kHz μ-law.
 * Recognition is imperfect, so words are checked, not whole sentences.
 */
describe('a simulated phone call to the demo founder hotline (real speech engines)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { HOTLINE_AUDIO_RETENTION_DAYS: '7' } });
  });
  afterAll(async () => server?.close());

  it('holds a feedback call in English; the call has its transcript, summary, feedback items and latency', async () => {
    const report = await simulateCall({
      server: server.url,
      to: '+14155550134',
      lines: [
        'The checkout page crashed when I tried to pay with my card',
        'It matters because I missed my order',
        'I would add a button to retry the payment',
      ],
    });

    const callerTurns = report.turns.filter((t) => t.speaker === 'caller');
    const personaTurns = report.turns.filter((t) => t.speaker === 'persona');
    expect(callerTurns).toHaveLength(3);
    // The disclosure comes first, before anything the caller says.
    expect(report.turns[0]!.speaker).toBe('persona');
    expect(report.turns[0]!.text).toMatch(/AI version of Jonas Ekholm/);
    expect(report.turns[0]!.text).toMatch(/recorded and transcribed/);
    // Heard through the phone path: the words that carry the point survive recognition.
    expect(callerTurns[0]!.text).toMatch(/crash/);
    expect(callerTurns[0]!.text).toMatch(/card/);
    // One reply per caller turn, each a single question that moves the interview on, then the read-back.
    expect(personaTurns).toHaveLength(4);
    for (const reply of personaTurns.slice(1)) {
      expect(reply.latency?.firstAudioMs).toBeGreaterThan(0);
      expect(reply.text).toMatch(/\?$/);
    }
    expect(personaTurns[3]!.text).toMatch(/^So: .*crashed.*Did I get that right\?$/);

    expect(report.status).toBe('ended');
    expect(report.summary).toMatch(/crashed/);
    expect(report.feedbackItems?.some((f) => f.kind === 'bug' && /card/.test(f.quote ?? ''))).toBe(true);

    // Staff see the same call, with the consent notice given and the caller's audio kept.
    const product = await logInAs(server, 'product@tandem.demo');
    const res = await server.app.http.inject({
      method: 'GET',
      url: `/api/v1/hotline/calls/${report.callId}`,
      headers: product.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      call: { channel: string; consentNotice: string; audioUrl: string | null; summary: string };
      turns: { speaker: string; text: string }[];
      feedbackItems: { kind: string }[];
    };
    expect(body.call.channel).toBe('phone');
    expect(body.call.consentNotice).toBe(report.turns[0]!.text);
    expect(body.turns.map((t) => t.text)).toEqual(report.turns.map((t) => t.text));
    expect(body.feedbackItems.length).toBe(report.feedbackItems?.length);
    expect(body.call.audioUrl).not.toBeNull();
    const audio = await server.app.http.inject({
      method: 'GET',
      url: body.call.audioUrl!,
      headers: product.headers,
    });
    expect(audio.headers['content-type']).toMatch(/audio\/wav/);
    expect(audio.rawPayload.length).toBeGreaterThan(8000 * 2 * 5); // > 5 s of caller audio
  }, 240_000);

  it('barge-in: the caller speaks over the disclosure; Tandem sends clear and stops it', async () => {
    const report = await simulateCall({
      server: server.url,
      to: '+14155550134',
      lines: ['The app keeps logging me out every day'],
      interruptAfterMs: 3000,
    });
    // The opening is far longer than 3 s: the caller cut in, and the carrier was told to drop the rest.
    expect(report.lines[0]!.clearAfterMs).not.toBeNull();
    expect(report.opening.audioMs).toBeLessThan(15_000);
    expect(report.turns[0]!.speaker).toBe('persona');
    expect(report.turns[0]!.interrupted).toBe(true);
    // The interrupted persona then answers what the caller said.
    expect(report.turns.some((t) => t.speaker === 'caller' && /app|log/.test(t.text))).toBe(true);
  }, 120_000);
});
