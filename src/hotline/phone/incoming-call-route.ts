import { z } from 'zod';
import type { HotlineConfig } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import type { HttpServer } from '../../platform/http/types.js';
import type { CallTokens } from '../calls/call-token.js';
import { endCall } from '../calls/end-call.js';
import type { CallDeps } from '../calls/hotline-deps.js';
import { startCall } from '../calls/start-call.js';
import type { ActiveCalls } from '../session/active-calls.js';
import { validCarrierSignature } from './twilio-signature.js';
import { connectStreamTwiml, sayAndHangUpTwiml } from './twiml.js';

export const MEDIA_STREAM_PATH = '/api/v1/hotline/media-stream';

const incomingCall = z
  .object({
    CallSid: z.string().min(1).max(100),
    From: z.string().max(40).optional(),
    To: z.string().min(1).max(40),
  })
  .passthrough();

const UNKNOWN_NUMBER =
  'Sorry, this number is not connected to a hotline. Please check the number and call again. Goodbye.';

export interface IncomingCallDeps extends CallDeps {
  tokens: CallTokens;
  active: ActiveCalls;
  config: Pick<HotlineConfig, 'carrierAuthToken' | 'publicUrl' | 'streamStartTimeoutMs'>;
}

/**
 * The carrier's incoming-call webhook: verifies its signature (when an auth token is set),
 * creates the call and answers with TwiML that connects the call to our media stream.
 * A call whose stream never arrives is ended `no_start`. Returns a function that cancels
 * those pending checks (shutdown).
 */
export function registerIncomingCallRoute(app: HttpServer, deps: IncomingCallDeps): () => void {
  const pending = new Set<NodeJS.Timeout>();
  // Form bodies are parsed in this route's own scope only: every other route still answers 415.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    registerWebhook(scope, deps, pending);
  });
  return () => {
    for (const t of pending) clearTimeout(t);
    pending.clear();
  };
}

function registerWebhook(app: HttpServer, deps: IncomingCallDeps, pending: Set<NodeJS.Timeout>) {
  app.post(
    '/api/v1/hotline/voice/incoming',
    {
      schema: {
        tags: ['hotline'],
        summary: "The carrier's incoming-call webhook (form-encoded; answers TwiML)",
        body: incomingCall,
      },
    },
    async (request, reply) => {
      const params = request.body as Record<string, string>;
      const base = deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
      if (deps.config.carrierAuthToken) {
        const signature = request.headers['x-twilio-signature'];
        const ok = validCarrierSignature(
          deps.config.carrierAuthToken,
          `${base}${request.url}`,
          params,
          typeof signature === 'string' ? signature : undefined,
        );
        if (!ok) throw new AppError(403, 'forbidden', 'The carrier signature does not match');
      }
      reply.type('text/xml');
      const found = await deps.personas.findLineForNumber(request.body.To);
      if (!found) {
        request.log.info({ carrierCallId: request.body.CallSid }, 'hotline call to an unknown number');
        return sayAndHangUpTwiml(UNKNOWN_NUMBER);
      }
      const { persona, line } = found;
      if (!deps.active.hasFreeLine()) {
        request.log.warn({ carrierCallId: request.body.CallSid }, 'hotline call refused: every line is busy');
        return sayAndHangUpTwiml(busyMessage(line.language));
      }
      const open = deps.interview.open(persona, line.language);
      const call = await startCall(deps, {
        personaId: persona.id,
        channel: 'phone',
        language: line.language,
        market: line.market,
        toNumber: line.number,
        fromNumber: request.body.From,
        carrierCallId: request.body.CallSid,
        consentNotice: open.replies.join(' '),
        interviewState: open.state,
      });
      deps.active.reserve(call.id, deps.config.streamStartTimeoutMs * 2);
      const timer = setTimeout(() => {
        pending.delete(timer);
        void endIfNeverStreamed(deps, call.id);
      }, deps.config.streamStartTimeoutMs * 2);
      timer.unref();
      pending.add(timer);
      const streamUrl = `${base.replace(/^http/, 'ws')}${MEDIA_STREAM_PATH}`;
      return connectStreamTwiml(streamUrl, { callId: call.id, token: deps.tokens.sign(call.id) });
    },
  );
}

/** The carrier never opened the stream (or it never sent `start`): end the call the webhook made. */
async function endIfNeverStreamed(deps: CallDeps, callId: string) {
  try {
    const row = await deps.db
      .selectFrom('hotline_calls')
      .select(['status', 'stream_id'])
      .where('id', '=', callId)
      .executeTakeFirst();
    if (row?.status !== 'active' || row.stream_id) return;
    deps.logger.warn({ callId }, 'hotline media stream never started; call ended');
    await endCall(deps, { callId, reason: 'no_start' });
  } catch (err) {
    deps.logger.error({ err, callId }, 'could not end a hotline call without a stream');
  }
}

/** Said before hanging up when every line is busy: in the line's language where we have it. */
function busyMessage(language: string): string {
  return language === 'sv'
    ? 'Alla linjer är upptagna just nu. Ring gärna igen om några minuter.'
    : 'All our lines are busy right now. Please call again in a few minutes.';
}
