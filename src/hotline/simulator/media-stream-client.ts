import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { CallRecorder } from './call-recording.js';
import { FRAME_MS, ULAW_SILENCE } from './line-synthesis.js';
import { PlayoutClock } from './playout-clock.js';
import { SimulatorError } from './simulator-error.js';

export interface CarrierStreamOptions {
  /** The `<Stream url>` from the TwiML. */
  url: string;
  /** The `<Parameter>`s from the TwiML, sent back as `start.customParameters`. */
  parameters: Record<string, string>;
  callSid: string;
  accountSid: string;
  connectTimeoutMs: number;
  /** Gets every frame sent and received, e.g. to save the call's audio. */
  makeRecorder?: (origin: number) => CarrierRecorder;
}

export type CarrierRecorder = Pick<CallRecorder, 'callerFrame' | 'personaAudio' | 'clear'>;

export interface StreamEnd {
  endedBy: 'server' | 'caller';
  code: number;
  at: number;
}

export type WaitResult = 'met' | 'closed';

const SILENT_FRAME = Buffer.alloc(160, ULAW_SILENCE);
const now = () => performance.now();

/**
 * The carrier's side of one Twilio Media Stream. From `start` on it sends a media frame every
 * 20 ms, as a phone line does: the caller's queued speech, else silence. It plays the server's
 * audio out on a `PlayoutClock`, echoes marks when their audio has played, and obeys `clear`.
 * Anything the server sends that the protocol does not allow ends the call with a SimulatorError.
 */
export class CarrierStream {
  readonly streamSid = `MZ${randomBytes(16).toString('hex')}`;
  readonly clock = new PlayoutClock();
  /** When each media message from the server arrived. */
  readonly mediaTimes: number[] = [];
  readonly marksEchoed: { name: string; at: number }[] = [];
  readonly clears: number[] = [];
  /** Set when the server broke the protocol; the socket is then closed. */
  protocolError: SimulatorError | undefined;
  end: StreamEnd | undefined;
  /** When the first frame was sent (the line's time origin). */
  origin = 0;

  private sequence = 0;
  private framesSent = 0;
  private speech: Buffer[] = [];
  private speaking:
    | { resolve: (r: { startedAt: number; endedAt: number }) => void; startedAt?: number }
    | undefined;
  private lineTimer: NodeJS.Timeout | undefined;
  private markTimer: NodeJS.Timeout | undefined;
  private hangingUp = false;
  private recorder: CarrierRecorder | undefined;
  private readonly closedPromise: Promise<StreamEnd>;
  private resolveClosed!: (end: StreamEnd) => void;

  private constructor(
    private readonly socket: WebSocket,
    private readonly options: CarrierStreamOptions,
  ) {
    this.closedPromise = new Promise((resolve) => {
      this.resolveClosed = resolve;
    });
  }

  static open(options: CarrierStreamOptions): Promise<CarrierStream> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(options.url, { handshakeTimeout: options.connectTimeoutMs });
      const stream = new CarrierStream(socket, options);
      socket.once('error', (err) => {
        reject(new SimulatorError(`cannot open the media stream at ${options.url}: ${err.message}`));
      });
      socket.once('open', () => {
        socket.removeAllListeners('error');
        socket.on('error', (err) => stream.fail(`the media stream failed: ${err.message}`));
        stream.begin();
        resolve(stream);
      });
    });
  }

  /** Queues the caller's speech; resolves when its last frame has been sent. */
  speak(frames: Buffer[]): Promise<{ startedAt: number; endedAt: number }> {
    if (this.speaking) throw new Error('the caller is already speaking');
    if (this.end) return Promise.resolve({ startedAt: now(), endedAt: now() });
    this.speech = [...frames];
    return new Promise((resolve) => {
      this.speaking = { resolve };
    });
  }

  /** When the first server media at or after `time` arrived. */
  firstMediaAfter(time: number): number | undefined {
    let found: number | undefined;
    for (let i = this.mediaTimes.length - 1; i >= 0 && this.mediaTimes[i]! >= time; i--)
      found = this.mediaTimes[i];
    return found;
  }

  lastMediaAt(): number {
    return this.mediaTimes[this.mediaTimes.length - 1] ?? Number.NEGATIVE_INFINITY;
  }

  /**
   * Resolves 'met' once `predicate` holds, 'closed' if the call ends first; rejects on a
   * protocol error or after `timeoutMs` with "timed out … waiting for <what>".
   */
  waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<WaitResult> {
    const deadline = now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.protocolError) return reject(this.protocolError);
        if (predicate()) return resolve('met');
        if (this.end) return resolve('closed');
        if (now() >= deadline) {
          return reject(
            new SimulatorError(`timed out after ${(timeoutMs / 1000).toFixed(1)} s waiting for ${what}`),
          );
        }
        setTimeout(check, 10);
      };
      check();
    });
  }

  closed(): Promise<StreamEnd> {
    return this.closedPromise;
  }

  /** The caller hangs up: `stop`, then the socket closes. */
  async hangUp(): Promise<StreamEnd> {
    if (!this.end && !this.hangingUp) {
      this.hangingUp = true;
      this.send({
        event: 'stop',
        sequenceNumber: this.nextSequence(),
        streamSid: this.streamSid,
        stop: { accountSid: this.options.accountSid, callSid: this.options.callSid },
      });
      this.stopLine();
      this.socket.close(1000, 'caller hung up');
      // A server that never answers the close handshake: give up after a second.
      setTimeout(() => this.socket.terminate(), 1000).unref();
    }
    return this.closedPromise;
  }

  private begin(): void {
    this.socket.on('message', (data, isBinary) => {
      const problem = this.receive(data, isBinary);
      if (problem) this.fail(problem);
    });
    this.socket.on('close', (code) => {
      this.stopLine();
      clearTimeout(this.markTimer);
      this.end = { endedBy: this.hangingUp ? 'caller' : 'server', code, at: now() };
      // Speech cut off by the hang-up still ends.
      this.speaking?.resolve({ startedAt: this.speaking.startedAt ?? now(), endedAt: now() });
      this.speaking = undefined;
      this.resolveClosed(this.end);
    });
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.send({
      event: 'start',
      sequenceNumber: this.nextSequence(),
      start: {
        streamSid: this.streamSid,
        accountSid: this.options.accountSid,
        callSid: this.options.callSid,
        tracks: ['inbound'],
        customParameters: this.options.parameters,
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      },
      streamSid: this.streamSid,
    });
    this.origin = now();
    this.recorder = this.options.makeRecorder?.(this.origin);
    this.sendDueFrames();
  }

  /** Sends every frame due by now (catching up after a stalled event loop), then sleeps until the next. */
  private sendDueFrames = (): void => {
    if (this.end || this.hangingUp) return;
    const due = Math.floor((now() - this.origin) / FRAME_MS) + 1;
    while (this.framesSent < due) this.sendFrame();
    const next = this.origin + this.framesSent * FRAME_MS;
    this.lineTimer = setTimeout(this.sendDueFrames, Math.max(0, next - now()));
  };

  private sendFrame(): void {
    const frame = this.speech.shift();
    if (frame && this.speaking && this.speaking.startedAt === undefined) this.speaking.startedAt = now();
    const payload = frame ?? SILENT_FRAME;
    this.framesSent++;
    this.send({
      event: 'media',
      sequenceNumber: this.nextSequence(),
      media: {
        track: 'inbound',
        chunk: String(this.framesSent),
        timestamp: String((this.framesSent - 1) * FRAME_MS),
        payload: payload.toString('base64'),
      },
      streamSid: this.streamSid,
    });
    this.recorder?.callerFrame(payload);
    if (frame && this.speech.length === 0 && this.speaking) {
      const { resolve, startedAt } = this.speaking;
      this.speaking = undefined;
      resolve({ startedAt: startedAt ?? now(), endedAt: now() });
    }
  }

  private stopLine(): void {
    clearTimeout(this.lineTimer);
  }

  /** Handles one server message; returns what was wrong with it, if anything. */
  private receive(data: WebSocket.RawData, isBinary: boolean): string | undefined {
    if (this.protocolError) return undefined;
    if (isBinary) return 'the server sent a binary frame; Media Streams messages are JSON text';
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(data.toString()) as Record<string, unknown>;
    } catch {
      return 'the server sent a text frame that is not JSON';
    }
    if (typeof message !== 'object' || message === null)
      return 'the server sent a message that is not an object';
    const event = message.event;
    if (message.streamSid !== this.streamSid) {
      return `the server's "${String(event)}" message has streamSid ${JSON.stringify(message.streamSid)}, expected ${this.streamSid}`;
    }
    const at = now();
    if (event === 'media') {
      const payload = (message.media as { payload?: unknown } | undefined)?.payload;
      if (typeof payload !== 'string' || payload.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) {
        return 'the server sent a media message without a base64 payload';
      }
      const audio = Buffer.from(payload, 'base64');
      this.mediaTimes.push(at);
      const startsAt = this.clock.push(audio.length, at);
      this.recorder?.personaAudio(startsAt, audio);
    } else if (event === 'mark') {
      const name = (message.mark as { name?: unknown } | undefined)?.name;
      if (typeof name !== 'string' || !name) return 'the server sent a mark without a name';
      this.clock.mark(name, at);
      this.scheduleMarks();
    } else if (event === 'clear') {
      this.clears.push(at);
      this.recorder?.clear(at);
      for (const name of this.clock.clear(at)) this.echoMark(name, at);
    } else {
      return `the server sent an unknown event ${JSON.stringify(event)} (expected media, mark or clear)`;
    }
  }

  private scheduleMarks(): void {
    clearTimeout(this.markTimer);
    const dueAt = this.clock.nextDueAt();
    if (dueAt === undefined || this.end) return;
    this.markTimer = setTimeout(
      () => {
        const at = now();
        for (const name of this.clock.takeDue(at)) this.echoMark(name, at);
        this.scheduleMarks();
      },
      Math.max(0, dueAt - now()),
    );
  }

  private echoMark(name: string, at: number): void {
    this.marksEchoed.push({ name, at });
    this.send({
      event: 'mark',
      sequenceNumber: this.nextSequence(),
      streamSid: this.streamSid,
      mark: { name },
    });
  }

  private fail(message: string): void {
    this.protocolError ??= new SimulatorError(`protocol error: ${message}`);
    this.stopLine();
    this.socket.close(1002, 'protocol error');
    setTimeout(() => this.socket.terminate(), 1000).unref();
  }

  private nextSequence(): string {
    this.sequence++;
    return String(this.sequence);
  }

  private send(message: object): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
