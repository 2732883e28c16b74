import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { carrierSignature } from './carrier-signature.js';
import { synthesizeLine, ulawToLinear } from './line-synthesis.js';
import { simulateCall } from './simulate-call.js';

/**
 * A minimal Tandem stand-in on the carrier-facing side, written here so the client is checked
 * against the protocol, not against itself: it verifies the webhook signature, answers TwiML,
 * checks every stream message is valid Media Streams, detects the caller's speech, replies with
 * audio + a mark, and serves the caller-side transcript.
 */
const AUTH_TOKEN = 'test-auth-token';
const HOTLINE = '+14155550134';

/** Protocol JSON as received; the assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: arbitrary protocol JSON
type Json = Record<string, any>;
interface Received {
  message: Json;
  at: number;
}
interface FakeCall {
  callId: string;
  form: Record<string, string>;
  received: Received[];
  /** Marks sent: name, when, and how much audio was queued ahead of it (ms). */
  marksSent: { name: string; at: number; audioAheadMs: number }[];
  clearsSent: number[];
  callerTurns: number;
  ended: boolean;
}

type Behaviour = {
  /** Reply audio length per caller turn. */
  replyMs: number;
  /** Close the socket after this many replies have played (their mark came back); never when undefined. */
  closeAfterReplies?: number;
  /** Send `clear` when the caller speaks while reply audio is still playing. */
  clearOnSpeech?: boolean;
  /** Opening audio length (default 500 ms). */
  openingMs?: number;
  /** Send this raw text instead of the opening. */
  garbage?: string;
};

let behaviour: Behaviour = { replyMs: 400 };
const calls = new Map<string, FakeCall>();
let http: Server;
let base: string;

/** A tone (not silence) of `ms` as μ-law. */
function tone(ms: number): Buffer {
  const out = Buffer.alloc(ms * 8);
  for (let i = 0; i < out.length; i++) out[i] = i % 16 < 8 ? 0x20 : 0xa0;
  return out;
}

function sendAudio(socket: WebSocket, streamSid: string, audio: Buffer) {
  // Faster than real time, in uneven chunks, as a TTS pipeline does.
  for (let i = 0; i < audio.length; i += 640) {
    socket.send(
      JSON.stringify({
        event: 'media',
        streamSid,
        media: { payload: audio.subarray(i, i + 640).toString('base64') },
      }),
    );
  }
}

function handleStream(socket: WebSocket) {
  let call: FakeCall | undefined;
  let streamSid = '';
  let speechFrames = 0;
  let silentFrames = 0;
  let replies = 0;
  let playingUntil = 0;
  const early: Received[] = [];
  const reply = (ms: number, name: string) => {
    const at = performance.now();
    sendAudio(socket, streamSid, tone(ms));
    const audioAheadMs = Math.max(playingUntil, at) - at + ms;
    playingUntil = Math.max(playingUntil, at) + ms;
    socket.send(JSON.stringify({ event: 'mark', streamSid, mark: { name } }));
    call!.marksSent.push({ name, at, audioAheadMs });
  };
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Json;
    const entry = { message, at: performance.now() };
    if (!call) {
      early.push(entry);
      if (message.event !== 'start') return;
      call = calls.get(message.start.customParameters.callId);
      if (!call) return socket.close(1008);
      call.received.push(...early);
      streamSid = message.streamSid;
      if (behaviour.garbage) return socket.send(behaviour.garbage);
      reply(behaviour.openingMs ?? 500, 'opening');
      return;
    }
    call.received.push(entry);
    if (message.event === 'mark' && message.mark.name.startsWith('reply-')) {
      if (behaviour.closeAfterReplies !== undefined && replies >= behaviour.closeAfterReplies)
        socket.close(1000);
    }
    if (message.event !== 'media') return;
    const audio = Buffer.from(message.media.payload, 'base64');
    const loud = [...audio].some((b) => Math.abs(ulawToLinear(b)) > 1000);
    if (loud) {
      speechFrames++;
      silentFrames = 0;
      if (behaviour.clearOnSpeech && speechFrames === 5 && performance.now() < playingUntil) {
        socket.send(JSON.stringify({ event: 'clear', streamSid }));
        call.clearsSent.push(performance.now());
        playingUntil = performance.now();
      }
    } else if (speechFrames > 0 && ++silentFrames === 15) {
      // 300 ms of silence after speech: the caller's turn ended.
      speechFrames = 0;
      call.callerTurns++;
      replies++;
      reply(behaviour.replyMs, `reply-${replies}`);
    }
  });
  socket.on('close', () => {
    if (call) call.ended = true;
  });
}

beforeAll(async () => {
  http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (req.method === 'POST' && url.pathname === '/api/v1/hotline/voice/incoming') {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        const form = Object.fromEntries(new URLSearchParams(body));
        const expected = carrierSignature(AUTH_TOKEN, `${base}${url.pathname}`, form);
        if (req.headers['x-twilio-signature'] !== expected) {
          res
            .writeHead(403, { 'content-type': 'application/json' })
            .end('{"error":{"message":"bad signature"}}');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/xml' });
        if (form.To !== HOTLINE) {
          res.end('<Response><Say>Sorry, this number is not in service.</Say><Hangup/></Response>');
          return;
        }
        const callId = `call-${calls.size + 1}`;
        calls.set(callId, {
          callId,
          form,
          received: [],
          marksSent: [],
          clearsSent: [],
          callerTurns: 0,
          ended: false,
        });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="${base.replace('http', 'ws')}/api/v1/hotline/media-stream">` +
            `<Parameter name="callId" value="${callId}"/><Parameter name="token" value="tok-${callId}"/></Stream></Connect></Response>`,
        );
      });
      return;
    }
    const match = /^\/api\/v1\/hotline\/calls\/([^/]+)\/transcript$/.exec(url.pathname);
    const call = match && calls.get(match[1]!);
    if (req.method === 'GET' && call && url.searchParams.get('token') === `tok-${call.callId}`) {
      const turns = [
        {
          seq: 1,
          speaker: 'persona',
          text: 'Hi, I am an AI version of the founder.',
          startedAt: null,
          interrupted: false,
          latency: null,
        },
      ];
      for (let i = 0; i < call.callerTurns; i++) {
        turns.push({
          seq: turns.length + 1,
          speaker: 'caller',
          text: `caller turn ${i + 1}`,
          startedAt: null,
          interrupted: false,
          latency: null,
        });
        const latency = {
          endOfTurnMs: 300,
          recognitionMs: 120,
          replyMs: 5,
          synthesisMs: 40,
          firstAudioMs: 470,
        };
        turns.push({
          seq: turns.length + 1,
          speaker: 'persona',
          text: `reply ${i + 1}`,
          startedAt: null,
          interrupted: false,
          latency: latency as never,
        });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          callId: call.callId,
          status: call.ended ? 'ended' : 'active',
          endReason: call.ended ? 'completed' : null,
          turns,
          summary: 'The caller could not postpone a payment.',
          feedbackItems: [
            { id: 'f1', kind: 'bug', summary: 'Postpone fails', quote: 'it kept failing', language: 'en' },
          ],
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server: http, path: '/api/v1/hotline/media-stream' });
  wss.on('connection', handleStream);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));
afterEach(() => {
  behaviour = { replyMs: 400 };
});

const LINES = ['I could not postpone my payment.', 'Please add a button for that.'];
const cache = new Map<string, Promise<Buffer>>();
const synthesize = (text: string) => {
  if (!cache.has(text)) cache.set(text, synthesizeLine(text, { voice: 'en-us' }));
  return cache.get(text)!;
};

function messages(call: FakeCall, event: string) {
  return call.received.filter((r) => r.message.event === event);
}

describe('simulateCall against a Media Streams server', () => {
  it('holds a call: valid Media Streams messages, marks echoed after playout, transcript with latency', async () => {
    behaviour = { replyMs: 400, closeAfterReplies: 2 };
    const report = await simulateCall({
      server: base,
      to: HOTLINE,
      lines: LINES,
      authToken: AUTH_TOKEN,
      synthesize,
    });
    const call = calls.get(report.callId)!;

    // The webhook: a carrier's form with the numbers and the CallSid the stream reports.
    expect(call.form).toMatchObject({
      To: HOTLINE,
      From: '+15005550006',
      Direction: 'inbound',
      CallSid: report.callSid,
    });

    // connected, then start with the TwiML parameters and the phone format.
    const [first, second] = call.received;
    expect(first!.message).toEqual({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    expect(second!.message).toMatchObject({
      event: 'start',
      streamSid: report.streamSid,
      start: {
        streamSid: report.streamSid,
        callSid: report.callSid,
        tracks: ['inbound'],
        customParameters: { callId: report.callId, token: `tok-${report.callId}` },
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      },
    });
    expect(second!.message.start.accountSid).toMatch(/^AC[0-9a-f]{32}$/);

    // Every media message: 160 bytes of base64 μ-law, chunks counting up, sequence numbers rising.
    const media = messages(call, 'media');
    expect(media.length).toBeGreaterThan(100);
    media.forEach(({ message }, i) => {
      expect(message.streamSid).toBe(report.streamSid);
      expect(message.media.track).toBe('inbound');
      expect(message.media.chunk).toBe(String(i + 1));
      expect(message.media.timestamp).toBe(String(i * 20));
      expect(Buffer.from(message.media.payload, 'base64').length).toBe(160);
    });
    const sequence = call.received.slice(1).map((r) => Number(r.message.sequenceNumber));
    expect(sequence).toEqual(sequence.map((_, i) => i + 1));

    // Each mark came back once, and no sooner than the audio queued before it could play.
    const echoed = messages(call, 'mark');
    expect(echoed.map((r) => r.message.mark.name)).toEqual(['opening', 'reply-1', 'reply-2']);
    for (const sent of call.marksSent) {
      const echo = echoed.find((r) => r.message.mark.name === sent.name)!;
      expect(echo.at - sent.at).toBeGreaterThanOrEqual(sent.audioAheadMs - 5);
    }
    // The caller spoke only after the opening had played.
    const firstSpeech = media.findIndex(({ message }) =>
      [...Buffer.from(message.media.payload, 'base64')].some((b) => Math.abs(ulawToLinear(b)) > 1000),
    );
    expect(media[firstSpeech]!.at).toBeGreaterThanOrEqual(echoed[0]!.at);

    expect(report.endedBy).toBe('server');
    expect(messages(call, 'stop')).toEqual([]);
    expect(report.lines.map((l) => l.text)).toEqual(LINES);
    for (const line of report.lines) {
      expect(line.replyLatencyMs).not.toBeNull();
      expect(line.replyAudioMs).toBe(400);
      expect(line.clearAfterMs).toBeNull();
    }
    expect(report.status).toBe('ended');
    expect(
      report.turns.map((t) => [t.speaker, t.clientLatencyMs !== null, t.latency?.firstAudioMs ?? null]),
    ).toEqual([
      ['persona', false, null],
      ['caller', false, null],
      ['persona', true, 470],
      ['caller', false, null],
      ['persona', true, 470],
    ]);
    expect(report.feedbackItems).toHaveLength(1);
    expect(report.summary).toContain('postpone');
  });

  it('hangs up with stop when the server does not end the call', async () => {
    behaviour = { replyMs: 300 };
    const report = await simulateCall({
      server: base,
      to: HOTLINE,
      lines: LINES.slice(0, 1),
      authToken: AUTH_TOKEN,
      synthesize,
      timeouts: { hangupMs: 300 },
    });
    const call = calls.get(report.callId)!;
    expect(report.endedBy).toBe('caller');
    const stops = messages(call, 'stop');
    expect(stops).toHaveLength(1);
    expect(stops[0]!.message).toMatchObject({
      streamSid: report.streamSid,
      stop: { callSid: report.callSid, accountSid: call.form.AccountSid },
    });
    expect(call.received.at(-1)!.message.event).toBe('stop');
  });

  it('barge-in: speaks over the persona, obeys clear (marks released at once) and reports it', async () => {
    behaviour = { replyMs: 1000, openingMs: 3000, clearOnSpeech: true, closeAfterReplies: 1 };
    const dir = await mkdtemp(join(tmpdir(), 'sim-audio-'));
    try {
      const report = await simulateCall({
        server: base,
        to: HOTLINE,
        lines: LINES.slice(0, 1),
        authToken: AUTH_TOKEN,
        synthesize,
        interruptAfterMs: 100,
        saveAudioDir: dir,
        timeouts: { hangupMs: 1000 },
      });
      const call = calls.get(report.callId)!;
      // The 3 s opening was still playing when the caller began, so the server cleared it.
      expect(call.clearsSent).toHaveLength(1);
      expect(report.lines[0]!.clearAfterMs).not.toBeNull();
      // Its mark came back on the clear, not after the dropped audio: only the caller frames
      // already in flight arrive between the clear and the echo (the rest of the opening is 100+ frames).
      const echo = call.received.findIndex(
        (r) => r.message.event === 'mark' && r.message.mark.name === 'opening',
      );
      const afterClear = call.received.findIndex((r) => r.at >= call.clearsSent[0]!);
      expect(afterClear).toBeGreaterThan(0);
      expect(echo).toBeGreaterThanOrEqual(afterClear);
      expect(echo - afterClear).toBeLessThan(10);
      const wav = await readFile(report.audioFile!);
      expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
      expect(wav.readUInt16LE(20)).toBe(7); // μ-law
      expect(wav.readUInt16LE(22)).toBe(2); // caller + persona
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails clearly for an unknown number, a bad signature and a protocol violation', async () => {
    await expect(
      simulateCall({
        server: base,
        to: '+46850000000',
        lines: ['Hello.'],
        authToken: AUTH_TOKEN,
        synthesize,
      }),
    ).rejects.toThrow(
      /did not connect the call to \+46850000000; it said: "Sorry, this number is not in service."/,
    );
    await expect(
      simulateCall({ server: base, to: HOTLINE, lines: ['Hello.'], authToken: 'wrong', synthesize }),
    ).rejects.toThrow(/rejected the carrier signature \(403\)/);
    await expect(simulateCall({ server: base, to: HOTLINE, lines: ['Hello.'], synthesize })).rejects.toThrow(
      /requires a carrier signature/,
    );
    behaviour = {
      replyMs: 400,
      garbage: '{"event":"media","streamSid":"MZwrong","media":{"payload":"AAAA"}}',
    };
    await expect(
      simulateCall({ server: base, to: HOTLINE, lines: ['Hello.'], authToken: AUTH_TOKEN, synthesize }),
    ).rejects.toThrow(/protocol error: .*streamSid "MZwrong"/);
    behaviour = { replyMs: 400, garbage: 'not json' };
    await expect(
      simulateCall({ server: base, to: HOTLINE, lines: ['Hello.'], authToken: AUTH_TOKEN, synthesize }),
    ).rejects.toThrow(/protocol error: .*not JSON/);
  });
});
