import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eventually } from '../support/fake-carrier.js';
import {
  FAKE_DISCLOSURE,
  FAKE_NUMBER_EN,
  fakeCodec,
  fakeSpeech,
  insertFakePersona,
  scriptedInterview,
} from '../support/hotline-fakes.js';
import { logInAs } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

describe.each(serverTestTargets())(
  'hotline browser voice, chat channel and staff routes (%s)',
  (database) => {
    let server: TestServer;
    const fakes = fakeSpeech([]);

    beforeAll(async () => {
      server = await startTestServer({
        database,
        env: { HOTLINE_AUDIO_RETENTION_DAYS: '0' },
        app: { hotline: { speech: fakes.speech, codec: fakeCodec, interview: scriptedInterview } },
      });
      await insertFakePersona(server.app.deps.db);
    }, 60_000);
    afterAll(async () => server?.close());

    const pcm16 = (ms: number, loud: boolean) => {
      const samples = (16_000 * ms) / 1000;
      const buf = Buffer.alloc(samples * 2);
      if (loud)
        for (let i = 0; i < samples; i++)
          buf.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 300 * i) / 16_000)), i * 2);
      return buf;
    };

    it('holds a browser voice call: call.started, transcripts, PCM audio, reply.end, hangup', async () => {
      fakes.recognizer.transcripts.push('the app is slow');
      const url = `${server.url.replace(/^http/, 'ws')}/api/v1/hotline/browser-call?number=${encodeURIComponent(FAKE_NUMBER_EN)}`;
      const socket = new WebSocket(url);
      const events: { type: string; [k: string]: unknown }[] = [];
      let audioBytes = 0;
      socket.on('message', (raw, isBinary) => {
        if (isBinary) audioBytes += (raw as Buffer).length;
        else events.push(JSON.parse(raw.toString()));
      });
      const closed = new Promise<void>((r) => socket.on('close', () => r()));
      const waitEvent = (p: (e: (typeof events)[number]) => boolean) =>
        eventually(async () => events.find(p));

      const started = await waitEvent((e) => e.type === 'call.started');
      expect(started).toMatchObject({
        personaName: 'Fia Founder',
        disclosure: FAKE_DISCLOSURE,
        token: expect.any(String),
      });
      await waitEvent((e) => e.type === 'reply.end' && e.seq === 1);
      expect(audioBytes).toBeGreaterThan(0);
      expect(audioBytes % 2).toBe(0);
      socket.send(pcm16(600, true));
      socket.send(pcm16(400, false));
      await waitEvent(
        (e) => e.type === 'transcript' && e.speaker === 'caller' && e.text === 'the app is slow',
      );
      await waitEvent((e) => e.type === 'reply.end' && e.seq === 3);
      socket.send(JSON.stringify({ type: 'hangup' }));
      await waitEvent((e) => e.type === 'call.ended');
      await closed;
      const callId = String(started.callId);
      const transcript = await server.app.http.inject({
        method: 'GET',
        url: `/api/v1/hotline/calls/${callId}/transcript?token=${String(started.token)}`,
      });
      expect(transcript.statusCode).toBe(200);
      const body = transcript.json() as {
        status: string;
        endReason: string;
        turns: { speaker: string; text: string }[];
      };
      expect(body).toMatchObject({ status: 'ended', endReason: 'caller_hung_up' });
      expect(body.turns.map((t) => t.speaker)).toEqual(['persona', 'caller', 'persona']);
      const row = await server.app.deps.db
        .selectFrom('hotline_calls')
        .select(['channel', 'audio_path'])
        .where('id', '=', callId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ channel: 'browser', audio_path: null }); // retention 0: no audio kept
    });

    it('talks to the persona over the hotline chat channel and records the call', async () => {
      const start = await server.app.http.inject({
        method: 'POST',
        url: '/api/v1/conversations',
        payload: { channel: 'hotline' },
      });
      expect(start.statusCode).toBe(201);
      const conversation = start.json() as { id: string; messages: { text: string }[] };
      expect(conversation.messages[0]?.text).toBe(FAKE_DISCLOSURE);
      const say = async (text: string) => {
        const res = await server.app.http.inject({
          method: 'POST',
          url: `/api/v1/conversations/${conversation.id}/messages`,
          payload: { text },
        });
        expect(res.statusCode).toBeLessThan(300);
        return res.json() as { messages: { role: string; text: string }[] };
      };
      expect((await say('I want budgets')).messages.map((m) => m.text)).toContain(
        'Why does that matter to you?',
      );
      await say('to save money, mail me at jane@example.com');
      expect((await say('shared budgets')).messages.map((m) => m.text)).toContain(
        'Thank you, the team reads every call. Goodbye!',
      );

      const db = server.app.deps.db;
      const call = await db
        .selectFrom('hotline_calls')
        .selectAll()
        .where('conversation_id', '=', conversation.id)
        .executeTakeFirstOrThrow();
      expect(call).toMatchObject({
        channel: 'chat',
        status: 'ended',
        end_reason: 'completed',
        consent_notice: expect.stringContaining(FAKE_DISCLOSURE),
      });
      const turns = await db
        .selectFrom('hotline_turns')
        .select(['speaker', 'text'])
        .where('call_id', '=', call.id)
        .orderBy('seq')
        .execute();
      expect(turns.map((t) => t.speaker)).toEqual([
        'persona',
        'caller',
        'persona',
        'caller',
        'persona',
        'caller',
        'persona',
      ]);
      const quotes = await db
        .selectFrom('hotline_feedback_items')
        .select('quote')
        .where('call_id', '=', call.id)
        .execute();
      expect(quotes.map((q) => q.quote)).toContain('to save money, mail me at [email]');
    });

    it('guards the staff routes: 401 without login, 403 for other roles, 404 for an unknown call', async () => {
      const inject = server.app.http.inject.bind(server.app.http);
      expect((await inject({ method: 'GET', url: '/api/v1/hotline/calls' })).statusCode).toBe(401);
      const agent = await logInAs(server, 'agent@tandem.demo');
      expect(
        (await inject({ method: 'GET', url: '/api/v1/hotline/calls', headers: agent.headers })).statusCode,
      ).toBe(403);
      const reviewer = await logInAs(server, 'reviewer@tandem.demo');
      const list = await inject({
        method: 'GET',
        url: '/api/v1/hotline/calls?status=ended',
        headers: reviewer.headers,
      });
      expect(list.statusCode).toBe(200);
      const calls = (list.json() as { calls: { id: string; status: string; turnCount: number }[] }).calls;
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.every((c) => c.status === 'ended')).toBe(true);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(
        (await inject({ method: 'GET', url: `/api/v1/hotline/calls/${unknown}`, headers: reviewer.headers }))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await inject({
            method: 'GET',
            url: `/api/v1/hotline/calls/${calls[0]!.id}/audio`,
            headers: reviewer.headers,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await inject({ method: 'GET', url: `/api/v1/hotline/calls/${calls[0]!.id}/transcript?token=nope` }))
          .statusCode,
      ).toBe(403);
      expect(
        (await inject({ method: 'GET', url: `/api/v1/hotline/calls/${unknown}/transcript?token=nope` }))
          .statusCode,
      ).toBe(404);
    });
  },
);
