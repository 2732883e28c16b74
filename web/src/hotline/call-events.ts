/**
 * The browser-call WebSocket's text events (docs: the hotline HTTP/WebSocket contract) and the
 * transcript they build. Pure, so it is unit-tested without a socket.
 */

export type Speaker = 'caller' | 'persona';

export type CallEvent =
  | { type: 'call.started'; callId: string; token: string; personaName: string; disclosure: string }
  | { type: 'transcript'; speaker: Speaker; seq: number; text: string }
  | { type: 'reply.end'; seq: number }
  | { type: 'clear' }
  | { type: 'call.ended'; callId: string; reason: string }
  | { type: 'error'; message: string };

export interface TranscriptLine {
  speaker: Speaker;
  seq: number;
  text: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A text frame as an event; undefined for anything not in the contract (ignored, not fatal). */
export function parseCallEvent(text: string): CallEvent | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  switch (d.type) {
    case 'call.started':
      return {
        type: 'call.started',
        callId: str(d.callId),
        token: str(d.token),
        personaName: str(d.personaName),
        disclosure: str(d.disclosure),
      };
    case 'transcript':
      if (d.speaker !== 'caller' && d.speaker !== 'persona') return undefined;
      return { type: 'transcript', speaker: d.speaker, seq: num(d.seq), text: str(d.text) };
    case 'reply.end':
      return { type: 'reply.end', seq: num(d.seq) };
    case 'clear':
      return { type: 'clear' };
    case 'call.ended':
      return { type: 'call.ended', callId: str(d.callId), reason: str(d.reason) };
    case 'error':
      return { type: 'error', message: str(d.message) || 'The hotline reported an error.' };
    default:
      return undefined;
  }
}

/** Adds a transcript event: a later event for the same turn (seq) replaces its text; turns stay in seq order. */
export function addTranscriptLine(lines: readonly TranscriptLine[], line: TranscriptLine): TranscriptLine[] {
  const others = lines.filter((l) => l.seq !== line.seq);
  return [...others, line].sort((a, b) => a.seq - b.seq);
}

/** Why a call ended, in plain words for the caller. */
export function endReasonText(reason: string): string {
  switch (reason) {
    case 'completed':
      return 'The call is over. Thank you for calling.';
    case 'caller_hung_up':
      return 'You hung up.';
    case 'idle_timeout':
      return 'The call ended because it was quiet for too long.';
    case 'server_shutdown':
      return 'The call ended because the server restarted. Please call again.';
    case 'stream_error':
      return 'The call ended because of a connection problem.';
    default:
      return 'The call has ended.';
  }
}
