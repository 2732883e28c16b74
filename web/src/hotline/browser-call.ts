/**
 * One browser voice call: microphone → WebSocket (PCM16 16 kHz binary frames), persona audio
 * ← WebSocket into a gapless playback queue, transcript and state to the page.
 */
import { addTranscriptLine, type CallEvent, parseCallEvent, type TranscriptLine } from './call-events';
import { type MicCapture, MicError, startMicCapture } from './mic-capture';
import { CALL_SAMPLE_RATE, pcm16ToBytes } from './pcm';
import { PlaybackQueue } from './playback-queue';

/** `speaking`: the persona's audio is playing; `listening`: it waits for the caller. */
export type CallState = 'idle' | 'connecting' | 'listening' | 'speaking' | 'ended';

export interface CallTarget {
  /** The hotline number (E.164) of the chosen market/language. */
  number?: string;
  personaId?: string;
  language: string;
}

export interface CallView {
  state: CallState;
  callId: string | undefined;
  personaName: string | undefined;
  disclosure: string | undefined;
  transcript: TranscriptLine[];
  /** Why it ended (a contract end reason), once ended. */
  endReason: string | undefined;
  /** Seconds of persona audio received so far (updated per reply, not per frame). */
  heardSeconds: number;
  /** A problem in plain words (microphone refused, connection lost, server error). */
  problem: { kind: 'mic-denied' | 'mic' | 'socket' | 'server'; message: string } | undefined;
}

export const IDLE_CALL: CallView = {
  state: 'idle',
  callId: undefined,
  personaName: undefined,
  disclosure: undefined,
  transcript: [],
  endReason: undefined,
  heardSeconds: 0,
  problem: undefined,
};

/** How long to wait for the server's `call.ended` after hanging up before closing anyway. */
const HANGUP_GRACE_MS = 2000;

export function browserCallUrl(target: CallTarget, origin = window.location.origin): string {
  const url = new URL('/api/v1/hotline/browser-call', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (target.number) url.searchParams.set('number', target.number);
  else {
    if (target.personaId) url.searchParams.set('persona', target.personaId);
    url.searchParams.set('language', target.language);
  }
  return url.href;
}

export class BrowserCall {
  private view: CallView = { ...IDLE_CALL, state: 'connecting' };
  private context: AudioContext | undefined;
  private mic: MicCapture | undefined;
  private playback: PlaybackQueue | undefined;
  private socket: WebSocket | undefined;
  private closeTimer: number | undefined;
  private finished = false;
  private heardBytes = 0;

  constructor(
    private readonly target: CallTarget,
    private readonly onChange: (view: CallView) => void,
  ) {}

  /** Starts the call; call from a click handler so the browser lets the audio play. */
  async start(): Promise<void> {
    this.update({});
    // Created before any await: browsers only start audio inside the user's gesture.
    const context = new AudioContext();
    this.context = context;
    void context.resume().catch(() => {});
    this.playback = new PlaybackQueue(context, (playing) => {
      if (this.view.state === 'listening' || this.view.state === 'speaking')
        this.update({ state: playing ? 'speaking' : 'listening' });
      else if (!playing && this.finished) this.release();
    });
    try {
      this.mic = await startMicCapture(context, (pcm) => {
        if (this.socket?.readyState === WebSocket.OPEN && this.view.callId)
          this.socket.send(pcm16ToBytes(pcm));
      });
    } catch (err) {
      const denied = err instanceof MicError && err.kind === 'denied';
      this.fail(
        denied ? 'mic-denied' : 'mic',
        denied
          ? 'You did not allow the microphone, so the call could not start. Allow it in the address bar and try again, or type instead.'
          : `The microphone could not be started: ${err instanceof Error ? err.message : 'unknown problem'}`,
      );
      return;
    }
    if (this.finished) return this.release();
    this.connect();
  }

  /** Hangs up: tells the server, stops the microphone and the audio, closes once the server confirms. */
  hangUp(): void {
    if (this.finished) return;
    const socket = this.socket;
    if (socket?.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'hangup' }));
      this.closeTimer = window.setTimeout(() => socket.close(1000, 'hung up'), HANGUP_GRACE_MS);
    } else {
      socket?.close(1000, 'hung up');
    }
    this.finish({ endReason: 'caller_hung_up' });
  }

  private connect(): void {
    const socket = new WebSocket(browserCallUrl(this.target));
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (e.data instanceof ArrayBuffer) {
        if (this.finished) return;
        this.heardBytes += e.data.byteLength;
        this.playback?.enqueue(e.data);
        return;
      }
      if (typeof e.data !== 'string') return;
      const event = parseCallEvent(e.data);
      if (event) this.handle(event);
    });
    socket.addEventListener('close', (e) => {
      window.clearTimeout(this.closeTimer);
      if (this.finished) return;
      this.fail(
        'socket',
        this.view.callId
          ? 'The connection to the hotline was lost, so the call ended.'
          : `Could not connect to the hotline${e.code === 1006 ? '' : ` (${e.reason || `code ${e.code}`})`}. Please try again later.`,
      );
    });
  }

  private handle(event: CallEvent): void {
    switch (event.type) {
      case 'call.started':
        this.update({
          state: this.playback?.playing ? 'speaking' : 'listening',
          callId: event.callId,
          personaName: event.personaName,
          disclosure: event.disclosure,
        });
        break;
      case 'transcript':
        this.update({ transcript: addTranscriptLine(this.view.transcript, event) });
        break;
      case 'clear':
        this.playback?.clear();
        break;
      case 'reply.end':
        this.update({});
        break;
      case 'call.ended':
        if (this.finished) {
          this.socket?.close(1000, 'ended');
          return;
        }
        this.finish({ endReason: event.reason, callId: this.view.callId ?? event.callId });
        this.socket?.close(1000, 'ended');
        break;
      case 'error':
        this.fail('server', event.message);
        this.socket?.close(1000, 'error');
        break;
    }
  }

  private fail(kind: NonNullable<CallView['problem']>['kind'], message: string): void {
    if (this.finished) return;
    this.finish({ problem: { kind, message } });
  }

  private finish(patch: Partial<CallView>): void {
    this.finished = true;
    // Stop sending at once; a persona reply still playing is cut only on hang-up, not when the persona says goodbye.
    this.mic?.stop();
    this.mic = undefined;
    if (patch.endReason === 'caller_hung_up' || patch.problem) this.playback?.clear();
    this.update({ ...patch, state: 'ended' });
    // The persona's goodbye may still be playing after `call.ended`: the context closes when it is done.
    if (!this.playback?.playing) this.release();
  }

  private release(): void {
    this.mic?.stop();
    this.mic = undefined;
    const context = this.context;
    this.context = undefined;
    void context?.close().catch(() => {});
  }

  private update(patch: Partial<CallView>): void {
    this.view = { ...this.view, heardSeconds: this.heardBytes / (2 * CALL_SAMPLE_RATE), ...patch };
    this.onChange(this.view);
  }
}
