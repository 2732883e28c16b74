import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrierSignature } from '../../src/hotline/phone/twilio-signature.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { connectCarrier, eventually } from '../support/fake-carrier.js';
import {
  FAKE_DISCLOSURE,
  FAKE_NUMBER_EN,
  fakeCodec,
  fakePersona,
  fakeSpeech,
  insertFakePersona,
  LONG_REPLY_TRIGGER,
  scriptedInterview,
} from '../support/hotline-fakes.js';
import { logInAs, type StaffSession } from '../support/http.js';
import { connectLive } from '../support/live-socket.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

describe.each(serverTestTargets())('hotline phone calls (%s)', (database) => {
  let server: TestServer;
  let product: StaffSession;
  const fakes = fakeSpeech([]);
  const audioDir = mkdtempSync(join(tmpdir(), 'hotline-audio-'));

  beforeAll(async () => {
    server = await startTestServer({
      database,
      env: { HOTLINE_AUDIO_DIR: audioDir, HOTLINE_STREAM_START_SECONDS: '0.5' },
      app: { hotline: { speech: fakes.speech, codec: fakeCodec, interview: scriptedInterview } },
    });
    await insertFakePersona(server.app.deps.db);
    product = await logInAs(server, 'product@tandem.demo');
  }, 60_000);
  afterAll(async () => server?.close());

  const wsUrl = () => `${server.url.replace(/^http/, 'ws')}/api/v1/hotline/media-stream`;

  async function incoming(to = FAKE_NUMBER_EN) {
    const res = await server.app.http.inject({
      method: 'POST',
      url: '/api/v1/hotline/voice/incoming',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        CallSid: 'CA1',
        From: '+15551234567',
        To: to,
        AccountSid: 'AC1',
      }).toString(),
    });
    expect(res.statusCode).toBe(200);
    const callId = /name="callId" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
    const token = /name="token" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
    return { res, callId, token };
  }

  const getCall = async (id: string) => {
    const res = await server.app.http.inject({
      method: 'GET',
      url: `/api/v1/hotline/calls/${id}`,
      headers: product.headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as {
      call: {
        status: string;
        endReason: string | null;
        summary: string | null;
        fromNumberMasked: string;
        audioUrl: string | null;
        wantsFollowUp: boolean | null;
      };
      turns: {
        seq: number;
        speaker: string;
        text: string;
        interrupted: boolean;
        latency: Record<string, number | null> | null;
      }[];
      feedbackItems: { kind: string; quote: string }[];
    };
  };
  const ended = (id: string) =>
    eventually(async () => ((await getCall(id)).call.status === 'ended' ? getCall(id) : null));

  it('answers a known number with a stream and an unknown one with Say and Hangup', async () => {
    const { res, callId } = await incoming();
    expect(res.headers['content-type']).toMatch(/text\/xml/);
    expect(res.body).toMatch(
      /<Connect><Stream url="ws:\/\/[^"]+\/api\/v1\/hotline\/media-stream"><Parameter name="callId"/,
    );
    const call = await getCall(callId);
    expect(call.call).toMatchObject({ status: 'active', fromNumberMasked: '+*********67' });
    const unknown = await server.app.http.inject({
      method: 'POST',
      url: '/api/v1/hotline/voice/incoming',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'CallSid=CA2&From=%2B15551234567&To=%2B19990000000',
    });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toMatch(/<Say>.*<\/Say><Hangup\/>/);
  });

  it('holds a three-turn call: disclosure first, marks, turns, summary, feedback, job, live events, audio', async () => {
    const live = connectLive(`${server.url.replace(/^http/, 'ws')}/api/v1/live?topics=hotline`, {
      cookie: product.headers.cookie,
    });
    await live.waitFor((m) => m.type === 'subscribed' && !!m.topics?.includes('hotline'));
    const { callId, token } = await incoming();
    fakes.recognizer.transcripts.push('i want a savings goal', 'so i can plan my rent', 'weekly reminders');
    const carrier = connectCarrier(wsUrl());
    await carrier.opened;
    carrier.start(callId, token);
    await carrier.waitFor((f) => f.event === 'mark' && f.mark?.name === 'turn-1');
    const firstMedia = carrier.frames.findIndex((f) => f.event === 'media');
    expect(firstMedia).toBeGreaterThanOrEqual(0);
    expect(Buffer.from(carrier.frames[firstMedia]!.media!.payload, 'base64').length).toBe(160);
    for (const [i, seq] of [3, 5, 7].entries()) {
      carrier.say(600);
      await carrier.waitFor((f) => f.event === 'mark' && f.mark?.name === `turn-${seq}`);
      expect(fakes.recognizer.heard[i]?.samples).toBeGreaterThan(0);
    }
    expect((await carrier.closed).code).toBe(1000);

    const { call, turns, feedbackItems } = await ended(callId);
    expect(call).toMatchObject({ endReason: 'completed', wantsFollowUp: true });
    expect(call.summary).toContain('weekly reminders');
    expect(turns.map((t) => t.speaker)).toEqual([
      'persona',
      'caller',
      'persona',
      'caller',
      'persona',
      'caller',
      'persona',
    ]);
    expect(turns[0]!.text.startsWith(FAKE_DISCLOSURE)).toBe(true);
    expect(turns[1]!.text).toBe('i want a savings goal');
    for (const t of turns.filter((t) => t.speaker === 'persona').slice(1)) {
      expect(t.latency).toMatchObject({
        endOfTurnMs: expect.any(Number),
        recognitionMs: expect.any(Number),
        replyMs: expect.any(Number),
      });
      expect(t.latency?.firstAudioMs).toBeGreaterThanOrEqual(t.latency?.endOfTurnMs ?? 0);
    }
    expect(feedbackItems.map((f) => f.quote)).toEqual([
      'i want a savings goal',
      'so i can plan my rent',
      'weekly reminders',
    ]);

    const db = server.app.deps.db;
    const job = await db
      .selectFrom('jobs')
      .select(['queue', 'payload'])
      .where('queue', '=', 'insights.hotline-call-ended')
      .execute();
    expect(job.map((j) => j.payload)).toContainEqual({ callId });
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_type'])
      .where('entity_id', '=', callId)
      .execute();
    expect(audit).toEqual([{ action: 'hotline.call.ended', actor_type: 'ai' }]);

    await live.waitFor(
      (m) => m.event?.type === 'hotline.call.ended' && (m.event.data as { callId: string }).callId === callId,
    );
    const types = live.messages.filter((m) => m.type === 'event').map((m) => m.event?.type);
    expect(types).toContain('hotline.call.started');
    expect(types.filter((t) => t === 'hotline.turn').length).toBeGreaterThanOrEqual(7);
    live.socket.close();

    expect(call.audioUrl).toBe(`/api/v1/hotline/calls/${callId}/audio`);
    const audio = await server.app.http.inject({
      method: 'GET',
      url: call.audioUrl!,
      headers: product.headers,
    });
    expect(audio.headers['content-type']).toBe('audio/wav');
    expect(audio.rawPayload.subarray(0, 4).toString()).toBe('RIFF');

    const transcript = await server.app.http.inject({
      method: 'GET',
      url: `/api/v1/hotline/calls/${callId}/transcript?token=${token}`,
    });
    expect(transcript.json()).toMatchObject({
      callId,
      status: 'ended',
      endReason: 'completed',
      summary: call.summary,
    });
  });

  it('barge-in: caller speech during playback sends clear, stops synthesis and marks the turn interrupted', async () => {
    const { callId, token } = await incoming();
    fakes.recognizer.transcripts.push(LONG_REPLY_TRIGGER, 'sorry to interrupt');
    const carrier = connectCarrier(wsUrl());
    await carrier.opened;
    carrier.start(callId, token);
    await carrier.waitFor((f) => f.event === 'mark' && f.mark?.name === 'turn-1');
    carrier.setEcho(false); // the long reply is still "playing" at the carrier
    carrier.say(600);
    const before = carrier.frames.length;
    await carrier.waitFor((f) => f.event === 'media' && carrier.frames.indexOf(f) > before + 5);
    carrier.say(600, 0);
    await carrier.waitFor((f) => f.event === 'clear');
    expect(carrier.frames.some((f) => f.event === 'mark' && f.mark?.name === 'turn-3')).toBe(false);
    const long = fakes.synthesizer.spoken.find((s) => s.text.startsWith('Well, that is a long story'));
    await eventually(async () => long?.aborted);
    const turns = await eventually(async () => {
      const { turns } = await getCall(callId);
      return turns.find((t) => t.seq === 3)?.interrupted ? turns : null;
    });
    expect(turns[2]).toMatchObject({ speaker: 'persona', interrupted: true });
    carrier.stop();
    await carrier.closed;
    expect((await ended(callId)).call.endReason).toBe('caller_hung_up');
  });

  it('hang-up mid-sentence: the partial turn is recognised and stored, the call ends caller_hung_up', async () => {
    const { callId, token } = await incoming();
    fakes.recognizer.transcripts.push('i was just saying that');
    const carrier = connectCarrier(wsUrl());
    await carrier.opened;
    carrier.start(callId, token);
    await carrier.waitFor((f) => f.event === 'mark' && f.mark?.name === 'turn-1');
    carrier.say(500, 0);
    carrier.stop();
    await carrier.closed;
    const { call, turns, feedbackItems } = await ended(callId);
    expect(call.endReason).toBe('caller_hung_up');
    expect(turns.map((t) => [t.speaker, t.text])).toContainEqual(['caller', 'i was just saying that']);
    expect(feedbackItems).toHaveLength(0); // the interview never heard it: nothing invented
  });

  it('pressing 0 tells the caller how to reach a person; other keys are ignored', async () => {
    const { callId, token } = await incoming();
    const carrier = connectCarrier(wsUrl());
    await carrier.opened;
    carrier.start(callId, token);
    await carrier.waitFor((f) => f.event === 'mark' && f.mark?.name === 'turn-1');
    const dtmf = (digit: string) =>
      carrier.send({ event: 'dtmf', streamSid: carrier.streamSid, dtmf: { track: 'inbound_track', digit } });
    dtmf('5');
    dtmf('0');
    await carrier.waitFor((f) => f.event === 'mark' && f.mark?.name === 'turn-2');
    const { turns } = await getCall(callId);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['persona', expect.stringContaining(FAKE_DISCLOSURE)],
      ['persona', fakePersona.humanContact.en],
    ]);
    carrier.stop();
    await carrier.closed;
  });

  it('malformed JSON and a wrong media format close the stream and end the call stream_error', async () => {
    const a = await incoming();
    const bad = connectCarrier(wsUrl());
    await bad.opened;
    bad.start(a.callId, a.token);
    await bad.waitFor((f) => f.event === 'mark');
    bad.send('{not json');
    expect((await bad.closed).code).toBe(1011);
    const first = await ended(a.callId);
    expect(first.call.endReason).toBe('stream_error');
    expect(first.turns[0]?.speaker).toBe('persona'); // what was captured is kept

    const b = await incoming();
    const pcm = connectCarrier(wsUrl());
    await pcm.opened;
    pcm.start(b.callId, b.token, { encoding: 'audio/l16', sampleRate: 16000, channels: 1 });
    expect((await pcm.closed).code).toBe(1011);
    expect((await ended(b.callId)).call.endReason).toBe('stream_error');

    const unknownEvent = connectCarrier(wsUrl());
    await unknownEvent.opened;
    unknownEvent.send({ event: 'teleport' });
    expect((await unknownEvent.closed).code).toBe(1011);
  });

  it('a stream that never starts is closed, and the webhook’s call ends no_start', async () => {
    const { callId } = await incoming();
    const carrier = connectCarrier(wsUrl());
    await carrier.opened;
    carrier.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    await carrier.closed;
    expect((await ended(callId)).call.endReason).toBe('no_start');
  });

  it('a stream with a wrong token is refused and the call is untouched', async () => {
    const { callId } = await incoming();
    const carrier = connectCarrier(wsUrl());
    await carrier.opened;
    carrier.start(callId, 'wrong');
    expect((await carrier.closed).code).toBe(1008);
  });
});

describe('carrier signature', () => {
  const AUTH = 'carrier-auth-token-for-tests';
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { HOTLINE_CARRIER_AUTH_TOKEN: AUTH, HOTLINE_PUBLIC_URL: 'https://hotline.example' },
      app: { hotline: { ...fakeSpeech([]), codec: fakeCodec, interview: scriptedInterview } },
    });
    await insertFakePersona(server.app.deps.db);
  }, 60_000);
  afterAll(async () => server?.close());

  const post = (signature: string | undefined, params: Record<string, string>) =>
    server.app.http.inject({
      method: 'POST',
      url: '/api/v1/hotline/voice/incoming',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature ? { 'x-twilio-signature': signature } : {}),
      },
      payload: new URLSearchParams(params).toString(),
    });

  it('accepts a correctly signed webhook and answers with the public wss:// stream URL', async () => {
    const params = { CallSid: 'CA9', From: '+15551234567', To: FAKE_NUMBER_EN, AccountSid: 'AC1' };
    const signature = carrierSignature(AUTH, 'https://hotline.example/api/v1/hotline/voice/incoming', params);
    const res = await post(signature, params);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<Stream url="wss://hotline.example/api/v1/hotline/media-stream">');
  });

  it('refuses a wrong or missing signature with 403', async () => {
    const params = { CallSid: 'CA9', From: '+15551234567', To: FAKE_NUMBER_EN };
    expect((await post('bm90IHRoZSBzaWduYXR1cmU=', params)).statusCode).toBe(403);
    expect((await post(undefined, params)).statusCode).toBe(403);
    const signed = carrierSignature(AUTH, 'https://hotline.example/api/v1/hotline/voice/incoming', params);
    expect((await post(signed, { ...params, To: '+15550009999' })).statusCode).toBe(403);
  });

  it('refuses to start in production without a carrier auth token', () => {
    const env = { NODE_ENV: 'production', CUSTOMER_TOKEN_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/HOTLINE_CARRIER_AUTH_TOKEN/);
    expect(loadConfig({ ...env, HOTLINE_CARRIER_AUTH_TOKEN: AUTH }).hotline.carrierAuthToken).toBe(AUTH);
  });
});
