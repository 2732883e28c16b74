import '@fastify/websocket';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../assistant/language/detect-language.js';
import type { HttpServer } from '../../platform/http/types.js';
import type { CallTokens } from '../calls/call-token.js';
import { startCall } from '../calls/start-call.js';
import type { HotlineNumber, Persona } from '../persona/persona.js';
import type { ActiveCalls } from '../session/active-calls.js';
import { CallSession, type CallSessionDeps } from '../session/call-session.js';
import { BrowserTransport, pcmFromBytes } from './browser-transport.js';

export interface BrowserCallDeps extends CallSessionDeps {
  tokens: CallTokens;
  active: ActiveCalls;
}

const query = z.object({
  number: z.string().max(40).optional(),
  persona: z.string().max(100).optional(),
  language: z.enum(LANGUAGES).optional(),
});

/**
 * `GET /api/v1/hotline/browser-call`: a voice call from the browser. The microphone arrives
 * as binary PCM16LE 16 kHz frames; the persona's voice goes back the same way, with JSON
 * events (transcript, reply.end, clear, call.ended). No login: like the hotline number, anyone may call.
 */
export function registerBrowserCallRoute(app: HttpServer, deps: BrowserCallDeps) {
  app.get(
    '/api/v1/hotline/browser-call',
    {
      websocket: true,
      schema: { tags: ['hotline'], summary: 'Browser voice call (WebSocket)', querystring: query },
    },
    async (socket, request) => {
      const fail = (message: string) => {
        socket.send(JSON.stringify({ type: 'error', message }));
        socket.close(1008, 'bad request');
      };
      // Frames that arrive while the call is being set up are held, not lost.
      const early: Buffer[] = [];
      let session: CallSession | null = null;
      let hungUp = false;
      socket.on('message', (raw, isBinary) => {
        const data = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as ArrayBuffer);
        if (isBinary) {
          if (session) session.pushAudio(pcmFromBytes(data));
          else early.push(data);
          return;
        }
        let message: { type?: unknown } | null = null;
        try {
          message = JSON.parse(data.toString()) as { type?: unknown };
        } catch {
          // handled below
        }
        if (message?.type === 'hangup') {
          hungUp = true;
          void session?.end('caller_hung_up');
        } else {
          socket.send(
            JSON.stringify({ type: 'error', message: 'Expected binary audio or {"type":"hangup"}' }),
          );
        }
      });
      socket.on('close', () => {
        hungUp = true;
        void session?.end('caller_hung_up');
      });

      const line = await resolveLine(deps, request.query);
      if (!line) return fail('No hotline answers that number or persona');
      if (!deps.active.hasFreeLine()) {
        socket.send(
          JSON.stringify({
            type: 'error',
            message: 'All lines are busy right now; try again in a few minutes',
          }),
        );
        return socket.close(1013, 'busy');
      }
      const { persona, language, number } = line;
      const open = deps.interview.open(persona, language);
      const call = await startCall(deps, {
        personaId: persona.id,
        channel: 'browser',
        language,
        market: number?.market ?? null,
        toNumber: number?.number ?? null,
        consentNotice: open.replies.join(' '),
        interviewState: open.state,
      });
      const transport = new BrowserTransport(socket, call.id);
      session = new CallSession(deps, { id: call.id, persona, language, state: open.state }, transport);
      const untrack = deps.active.add(session);
      transport.send({
        type: 'call.started',
        callId: call.id,
        token: deps.tokens.sign(call.id),
        personaName: persona.name,
        disclosure: persona.disclosure[language] ?? open.replies[0] ?? '',
      });
      if (hungUp) {
        await session.end('caller_hung_up');
        untrack();
        return;
      }
      for (const frame of early.splice(0)) session.pushAudio(pcmFromBytes(frame));
      void session.begin();
      socket.once('close', () => untrack());
    },
  );
}

async function resolveLine(
  deps: BrowserCallDeps,
  q: z.infer<typeof query>,
): Promise<{ persona: Persona; language: Language; number: HotlineNumber | null } | null> {
  if (q.number) {
    const found = await deps.personas.findLineForNumber(q.number);
    return found ? { persona: found.persona, language: found.line.language, number: found.line } : null;
  }
  if (!q.persona) return null;
  const persona = await deps.personas.getPersona(q.persona);
  if (!persona) return null;
  const language = q.language ?? persona.languages[0] ?? 'en';
  if (!persona.languages.includes(language)) return null;
  const number = persona.numbers.find((n) => n.language === language) ?? null;
  return { persona, language, number };
}
