import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CallRecorder } from './call-recording.js';
import { synthesizeLine, toFrames } from './line-synthesis.js';
import { CarrierStream, type StreamEnd } from './media-stream-client.js';
import { BYTES_PER_MS } from './playout-clock.js';
import {
  type CallTranscript,
  fetchTranscript,
  postIncomingCall,
  type TurnLatency,
} from './server-requests.js';
import { SimulatorError } from './simulator-error.js';

export interface SimulatorTimeouts {
  /** Webhook answer and WebSocket handshake. */
  connectMs: number;
  /** From the stream's start to the persona's first audio. */
  openingMs: number;
  /** From the end of the caller's line to the persona's first audio. */
  replyStartMs: number;
  /** Longest a persona turn may keep talking. */
  replyMaxMs: number;
  /** After the last line: how long to wait for the server to end the call before hanging up. */
  hangupMs: number;
  /** How long to poll the transcript for the call to read `ended`. */
  transcriptMs: number;
}

export const DEFAULT_TIMEOUTS: SimulatorTimeouts = {
  connectMs: 10_000,
  openingMs: 20_000,
  replyStartMs: 20_000,
  replyMaxMs: 120_000,
  hangupMs: 15_000,
  transcriptMs: 15_000,
};

/** Silence after the opening's last mark before the caller speaks, and after a reply, before it counts as done. */
const OPENING_QUIET_MS = 300;
const REPLY_QUIET_MS = 400;
/** Without any mark the server's audio is only judged finished after a longer silence. */
const NO_MARK_QUIET_MS = 1500;

export interface SimulateCallOptions {
  /** Base URL of the Tandem server, e.g. http://127.0.0.1:3000. */
  server: string;
  /** The hotline number dialled (E.164). */
  to: string;
  from?: string;
  /** What the caller says, one turn each. */
  lines: string[];
  /** espeak-ng voice for the caller. */
  voice?: string;
  /** The carrier account's auth token, to sign the webhook (HOTLINE_CARRIER_AUTH_TOKEN). */
  authToken?: string | undefined;
  /** The base URL the server signs against (HOTLINE_PUBLIC_URL), when it differs from `server`. */
  publicUrl?: string | undefined;
  /** Barge-in: each line starts this long after the persona starts speaking, instead of after it finishes. */
  interruptAfterMs?: number | undefined;
  /** Writes `<CallSid>.wav` (stereo: caller left, persona right, as heard) into this folder. */
  saveAudioDir?: string | undefined;
  /** μ-law 8 kHz for a line; defaults to espeak-ng + sox (the bench passes a cache). */
  synthesize?: (text: string) => Promise<Buffer>;
  timeouts?: Partial<SimulatorTimeouts>;
  /** Progress as the call goes ("persona speaking", "caller: …"). */
  onProgress?: (message: string) => void;
}

export interface CallerLineReport {
  text: string;
  speechMs: number;
  /** From the stream's start. */
  startedAtMs: number;
  endedAtMs: number;
  /** End of the caller's speech → first persona audio frame, measured here; null when no reply came. */
  replyLatencyMs: number | null;
  /** Persona audio received for this reply (ms of sound). */
  replyAudioMs: number;
  /** The server sent `clear` while this line was spoken: ms from the line's start to the clear. */
  clearAfterMs: number | null;
}

export interface ReportTurn {
  seq: number;
  speaker: 'caller' | 'persona';
  text: string;
  interrupted: boolean;
  /** Server-recorded split, on persona replies. */
  latency: TurnLatency | null;
  /** Client-measured end of caller speech → first audio, on persona replies. */
  clientLatencyMs: number | null;
}

export interface CallReport {
  server: string;
  to: string;
  from: string;
  callSid: string;
  streamSid: string;
  callId: string;
  endedBy: 'server' | 'caller';
  durationMs: number;
  /** Stream start → first persona audio, and how much opening audio came. */
  opening: { firstAudioAfterMs: number; audioMs: number };
  lines: CallerLineReport[];
  status: string;
  endReason: string | null;
  turns: ReportTurn[];
  summary: string | null;
  feedbackItems: CallTranscript['feedbackItems'] & {};
  audioFile: string | null;
  warnings: string[];
}

const hex = (n: number) => randomBytes(n).toString('hex');

/**
 * One phone call to a Tandem hotline, played as the carrier and the caller: the incoming-call
 * webhook, the TwiML, the Media Stream in real time, each line spoken when the persona has
 * finished (or over it, for barge-in), then the call's transcript with the latency of every turn.
 */
export async function simulateCall(options: SimulateCallOptions): Promise<CallReport> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = options.server.replace(/\/+$/, '');
  const progress = options.onProgress ?? (() => {});
  const voice = options.voice ?? 'en-us';
  const synthesize = options.synthesize ?? ((text: string) => synthesizeLine(text, { voice }));
  // Speak before dialling, so a missing espeak-ng fails fast.
  const speech = await Promise.all(options.lines.map((line) => synthesize(line)));

  const callSid = `CA${hex(16)}`;
  const accountSid = `AC${hex(16)}`;
  const from = options.from ?? '+15005550006';
  const instruction = await postIncomingCall({
    server,
    publicUrl: options.publicUrl,
    authToken: options.authToken,
    timeoutMs: timeouts.connectMs,
    params: {
      AccountSid: accountSid,
      ApiVersion: '2010-04-01',
      CallSid: callSid,
      CallStatus: 'ringing',
      Called: options.to,
      Caller: from,
      Direction: 'inbound',
      From: from,
      To: options.to,
    },
  });
  if (instruction.kind === 'hangup') {
    const said = instruction.said.filter(Boolean).join(' ');
    throw new SimulatorError(
      `the server did not connect the call to ${options.to}${said ? `; it said: "${said}"` : ''} ` +
        '(GET /api/v1/hotline/lines lists the hotline numbers)',
    );
  }
  const { callId, token } = instruction.parameters;
  if (!callId || !token) throw new SimulatorError('the TwiML <Stream> lacks the callId and token parameters');

  let recorder: CallRecorder | undefined;
  const stream = await CarrierStream.open({
    url: instruction.url,
    parameters: instruction.parameters,
    callSid,
    accountSid,
    connectTimeoutMs: timeouts.connectMs,
    makeRecorder: options.saveAudioDir
      ? (origin) => {
          recorder = new CallRecorder(origin);
          return recorder;
        }
      : undefined,
  });
  progress(`connected: call ${callId}, stream ${stream.streamSid}`);
  const warnings: string[] = [];
  const lines: CallerLineReport[] = [];
  let end: StreamEnd;
  let openingFirstAudio = 0;
  let openingAudioMs = 0;
  try {
    /** The persona has finished a reply that began after `since`: its mark played (or none came) and the line has been quiet. */
    const replyDone = (since: number, quietMs: number) => () => {
      const at = performance.now();
      if (!stream.clock.idle(at)) return false;
      const marked = stream.marksEchoed.some((m) => m.at >= since);
      return (
        at - Math.max(stream.lastMediaAt(), since) >= (marked ? quietMs : NO_MARK_QUIET_MS) &&
        stream.lastMediaAt() >= since
      );
    };
    const streamStart = stream.origin;
    await stream.waitUntil(
      () => stream.firstMediaAfter(streamStart) !== undefined,
      timeouts.openingMs,
      "the persona's opening",
    );
    let personaStartedAt = stream.firstMediaAfter(streamStart) ?? performance.now();
    openingFirstAudio = personaStartedAt - streamStart;
    progress('persona speaking (opening)');
    const barge = options.interruptAfterMs;
    const waitForTurn = async (quietMs: number) => {
      if (barge === undefined) {
        await stream.waitUntil(
          replyDone(personaStartedAt, quietMs),
          timeouts.replyMaxMs,
          "the end of the persona's turn",
        );
      } else {
        await stream.waitUntil(
          () => performance.now() >= personaStartedAt + barge,
          timeouts.replyMaxMs,
          'the barge-in moment',
        );
      }
    };
    await waitForTurn(OPENING_QUIET_MS);
    openingAudioMs = stream.clock.receivedMs;

    for (const [i, text] of options.lines.entries()) {
      if (stream.end) {
        warnings.push(`the server ended the call before line ${i + 1} of ${options.lines.length}`);
        break;
      }
      progress(`caller: ${text}`);
      const said = await stream.speak(toFrames(speech[i]!));
      const audioBefore = stream.clock.receivedMs;
      const line: CallerLineReport = {
        text,
        speechMs: speech[i]!.length / BYTES_PER_MS,
        startedAtMs: Math.round(said.startedAt - streamStart),
        endedAtMs: Math.round(said.endedAt - streamStart),
        replyLatencyMs: null,
        replyAudioMs: 0,
        clearAfterMs: null,
      };
      lines.push(line);
      const started = await stream.waitUntil(
        () => stream.firstMediaAfter(said.endedAt) !== undefined,
        timeouts.replyStartMs,
        `the persona's reply to line ${i + 1}`,
      );
      const clear = stream.clears.find((t) => t >= said.startedAt);
      if (clear !== undefined) line.clearAfterMs = Math.round(clear - said.startedAt);
      if (started === 'closed') break;
      personaStartedAt = stream.firstMediaAfter(said.endedAt)!;
      line.replyLatencyMs = Math.round(personaStartedAt - said.endedAt);
      progress(`persona replying (${line.replyLatencyMs} ms after the caller stopped)`);
      const last = i === options.lines.length - 1;
      if (last && barge !== undefined) {
        await stream.waitUntil(
          replyDone(personaStartedAt, REPLY_QUIET_MS),
          timeouts.replyMaxMs,
          "the end of the persona's turn",
        );
      } else await waitForTurn(REPLY_QUIET_MS);
      line.replyAudioMs = Math.round(stream.clock.receivedMs - audioBefore);
    }

    if (!stream.end) {
      const closed = await stream
        .waitUntil(() => false, timeouts.hangupMs, 'the server to end the call')
        .catch(() => 'timeout');
      if (closed === 'timeout') {
        progress('caller hangs up');
        await stream.hangUp();
      }
    }
    end = await stream.closed();
  } catch (err) {
    await stream.hangUp();
    throw err;
  }
  if (stream.protocolError) throw stream.protocolError;
  progress(end.endedBy === 'server' ? 'the server ended the call' : 'call ended');

  const transcript = await fetchTranscript(server, callId, token, timeouts.transcriptMs);
  if (transcript.status !== 'ended')
    warnings.push(`the call still reads "${transcript.status}" on the server`);
  let audioFile: string | null = null;
  if (options.saveAudioDir && recorder) {
    await mkdir(options.saveAudioDir, { recursive: true });
    audioFile = join(options.saveAudioDir, `${callSid}.wav`);
    await writeFile(audioFile, recorder.toWav());
  }
  return {
    server,
    to: options.to,
    from,
    callSid,
    streamSid: stream.streamSid,
    callId,
    endedBy: end.endedBy,
    durationMs: Math.round(end.at - stream.origin),
    opening: { firstAudioAfterMs: Math.round(openingFirstAudio), audioMs: Math.round(openingAudioMs) },
    lines,
    status: transcript.status,
    endReason: transcript.endReason ?? null,
    turns: matchTurns(transcript, lines),
    summary: transcript.summary ?? null,
    feedbackItems: transcript.feedbackItems ?? [],
    audioFile,
    warnings,
  };
}

/** The server's turns, with the client's latency on the persona turn that answered each caller line (in order). */
export function matchTurns(transcript: CallTranscript, lines: CallerLineReport[]): ReportTurn[] {
  let reply = 0;
  return transcript.turns.map((turn, i) => {
    const answersCaller = turn.speaker === 'persona' && transcript.turns[i - 1]?.speaker === 'caller';
    const clientLatencyMs = answersCaller ? (lines[reply++]?.replyLatencyMs ?? null) : null;
    return {
      seq: turn.seq,
      speaker: turn.speaker,
      text: turn.text,
      interrupted: turn.interrupted ?? false,
      latency: turn.latency ?? null,
      clientLatencyMs,
    };
  });
}
