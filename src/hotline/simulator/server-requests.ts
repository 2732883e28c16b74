import { z } from 'zod';
import { carrierSignature } from './carrier-signature.js';
import { SimulatorError } from './simulator-error.js';
import { type CallInstruction, parseTwiml } from './twiml.js';

export const INCOMING_CALL_PATH = '/api/v1/hotline/voice/incoming';

/** fetch, with "server not reachable" worded for a person. */
async function request(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const signal = AbortSignal.timeout(Math.ceil(timeoutMs));
  try {
    return await fetch(url, { ...init, signal });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    if ((err as Error).name === 'TimeoutError') {
      throw new SimulatorError(
        `the Tandem server at ${new URL(url).origin} did not answer within ${timeoutMs / 1000} s`,
      );
    }
    if (!(err instanceof TypeError)) throw err;
    throw new SimulatorError(
      `cannot reach the Tandem server at ${new URL(url).origin}${cause ? ` (${cause})` : ''}; is it running (npx tandem start)?`,
    );
  }
}

async function errorText(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { message?: string }; message?: string };
    return body.error?.message ?? body.message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

export interface IncomingCall {
  server: string;
  /** The base URL the server signs against (its HOTLINE_PUBLIC_URL); defaults to `server`. */
  publicUrl?: string | undefined;
  authToken?: string | undefined;
  params: Record<string, string>;
  timeoutMs: number;
}

/** The carrier's incoming-call webhook: a signed form POST, answered with TwiML. */
export async function postIncomingCall(call: IncomingCall): Promise<CallInstruction> {
  const url = `${call.server}${INCOMING_CALL_PATH}`;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (call.authToken) {
    const signedUrl = `${(call.publicUrl ?? call.server).replace(/\/+$/, '')}${INCOMING_CALL_PATH}`;
    headers['x-twilio-signature'] = carrierSignature(call.authToken, signedUrl, call.params);
  }
  const res = await request(
    url,
    { method: 'POST', headers, body: new URLSearchParams(call.params).toString() },
    call.timeoutMs,
  );
  if (res.status === 403) {
    throw new SimulatorError(
      call.authToken
        ? 'the server rejected the carrier signature (403): the auth token must equal its HOTLINE_CARRIER_AUTH_TOKEN and --public-url its HOTLINE_PUBLIC_URL'
        : 'the server requires a carrier signature (403): pass --auth-token or set HOTLINE_CARRIER_AUTH_TOKEN',
    );
  }
  if (res.status === 404)
    throw new SimulatorError(`${url} was not found (404): does this server have the hotline?`);
  if (!res.ok)
    throw new SimulatorError(`the incoming-call webhook answered ${res.status}: ${await errorText(res)}`);
  return parseTwiml(await res.text());
}

const latency = z
  .object({
    endOfTurnMs: z.number().nullable().optional(),
    recognitionMs: z.number().nullable().optional(),
    replyMs: z.number().nullable().optional(),
    synthesisMs: z.number().nullable().optional(),
    firstAudioMs: z.number().nullable().optional(),
  })
  .nullable()
  .optional();

const transcriptSchema = z.object({
  callId: z.string(),
  status: z.string(),
  endReason: z.string().nullable().optional(),
  turns: z.array(
    z.object({
      seq: z.number(),
      speaker: z.enum(['caller', 'persona']),
      text: z.string(),
      startedAt: z.string().nullable().optional(),
      interrupted: z.boolean().optional(),
      latency,
    }),
  ),
  summary: z.string().nullable().optional(),
  feedbackItems: z
    .array(
      z.object({ kind: z.string(), summary: z.string(), quote: z.string().nullable().optional() }).loose(),
    )
    .optional(),
});

export type CallTranscript = z.infer<typeof transcriptSchema>;
export type TranscriptTurn = CallTranscript['turns'][number];
export type TurnLatency = NonNullable<TranscriptTurn['latency']>;

/**
 * The caller-side transcript (`?token=` from the stream parameters). The call is finalised just
 * after the socket closes, so this polls until it reads `ended` or `timeoutMs` passes.
 */
export async function fetchTranscript(
  server: string,
  callId: string,
  token: string,
  timeoutMs: number,
): Promise<CallTranscript> {
  const url = `${server}/api/v1/hotline/calls/${encodeURIComponent(callId)}/transcript?token=${encodeURIComponent(token)}`;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const res = await request(url, {}, Math.max(1000, deadline - performance.now()));
    if (!res.ok)
      throw new SimulatorError(`the transcript request answered ${res.status}: ${await errorText(res)}`);
    const parsed = transcriptSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) {
      throw new SimulatorError(
        `the transcript is not in the expected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
    if (parsed.data.status === 'ended' || performance.now() >= deadline) return parsed.data;
    await new Promise((r) => setTimeout(r, 250));
  }
}
