import '@fastify/websocket';
import type { WebSocket } from 'ws';
import type { Language } from '../../assistant/language/detect-language.js';
import type { HttpServer } from '../../platform/http/types.js';
import { isUuid } from '../../platform/ids.js';
import type { CallTokens } from '../calls/call-token.js';
import { endCall } from '../calls/end-call.js';
import type { ActiveCalls } from '../session/active-calls.js';
import { CallSession, type CallSessionDeps } from '../session/call-session.js';
import type { AudioCodec } from '../session/call-session-ports.js';
import { MEDIA_STREAM_PATH } from './incoming-call-route.js';
import { type CarrierMessage, carrierMessage, supportedFormat } from './media-stream-messages.js';
import { markSeq, PhoneTransport } from './phone-transport.js';

export interface MediaStreamDeps extends CallSessionDeps {
  codec: AudioCodec;
  tokens: CallTokens;
  active: ActiveCalls;
  streamStartTimeoutMs: number;
}

/**
 * The carrier's Media Streams socket. Every message is validated; a protocol error (bad
 * JSON, unknown event, wrong audio format) is logged without personal data and ends the
 * call `stream_error`, keeping what was captured. A socket that sends no `start` in time is
 * closed (`no_start`); `stop` or a dropped socket ends the call `caller_hung_up`.
 */
export function registerMediaStreamRoute(app: HttpServer, deps: MediaStreamDeps) {
  app.get(MEDIA_STREAM_PATH, { websocket: true, schema: { hide: true } }, (socket) => {
    const stream = new MediaStream(deps, socket);
    stream.listen();
  });
}

class MediaStream {
  private session: CallSession | null = null;
  private callId: string | null = null;
  private queue: Promise<void> = Promise.resolve();
  private done = false;
  private readonly startTimer: NodeJS.Timeout;
  private untrack: (() => void) | undefined;

  constructor(
    private readonly deps: MediaStreamDeps,
    private readonly socket: WebSocket,
  ) {
    this.startTimer = setTimeout(() => {
      if (this.session || this.done) return;
      this.deps.logger.warn({ reason: 'no_start' }, 'hotline media stream sent no start; closing');
      void this.fail('no_start');
    }, deps.streamStartTimeoutMs);
    this.startTimer.unref();
  }

  listen() {
    this.socket.on('message', (raw, isBinary) => {
      // One message at a time, in order: `start` sets up the session before media is handled.
      this.queue = this.queue
        .then(() => this.onMessage(raw.toString(), isBinary))
        .catch((err) => {
          this.deps.logger.error({ err, callId: this.callId }, 'hotline media stream message failed');
          return this.fail('stream_error');
        });
    });
    this.socket.on('close', () => {
      clearTimeout(this.startTimer);
      this.queue = this.queue.then(() => this.hangUp());
    });
    this.socket.on('error', (err) => this.deps.logger.debug({ err }, 'hotline media socket error'));
  }

  private async onMessage(text: string, isBinary: boolean) {
    if (this.done) return;
    let json: unknown;
    try {
      if (isBinary) throw new Error('binary frame');
      json = JSON.parse(text);
    } catch {
      this.deps.logger.warn(
        { callId: this.callId, reason: 'malformed_json' },
        'hotline media stream: malformed message',
      );
      return this.fail('stream_error');
    }
    const parsed = carrierMessage.safeParse(json);
    if (!parsed.success) {
      const event =
        typeof (json as { event?: unknown })?.event === 'string'
          ? String((json as { event: string }).event).slice(0, 40)
          : null;
      this.deps.logger.warn(
        {
          callId: this.callId,
          reason: 'invalid_message',
          event,
          issues: parsed.error.issues.map((i) => i.path.join('.')),
        },
        'hotline media stream: message not in the protocol',
      );
      return this.fail('stream_error');
    }
    return this.handle(parsed.data);
  }

  private async handle(message: CarrierMessage) {
    switch (message.event) {
      case 'connected':
        return;
      case 'start':
        return this.start(message);
      case 'media': {
        if (!this.session) return this.protocolError('media_before_start');
        if (message.media.track && message.media.track !== 'inbound') return;
        const bytes = Buffer.from(message.media.payload, 'base64');
        this.session.pushAudio(this.deps.codec.decodeMuLaw(new Uint8Array(bytes)));
        return;
      }
      case 'mark': {
        const seq = markSeq(message.mark.name);
        if (seq !== null) this.session?.playbackReached(seq);
        return;
      }
      case 'dtmf':
        this.session?.dtmf(message.dtmf.digit);
        return;
      case 'stop':
        return this.hangUp();
    }
  }

  private async start(message: Extract<CarrierMessage, { event: 'start' }>) {
    if (this.session) return this.protocolError('second_start');
    clearTimeout(this.startTimer);
    const { callId, token } = message.start.customParameters;
    if (!callId || !isUuid(callId) || !this.deps.tokens.verify(callId, token)) {
      this.deps.logger.warn(
        { reason: 'bad_stream_token' },
        'hotline media stream: unknown call or wrong token',
      );
      return this.closeSocket(1008, 'unknown call');
    }
    this.callId = callId;
    if (!supportedFormat(message.start.mediaFormat)) {
      this.deps.logger.warn(
        { callId, reason: 'unsupported_media_format', mediaFormat: message.start.mediaFormat },
        'hotline media stream: only audio/x-mulaw 8000 Hz mono is supported',
      );
      return this.fail('stream_error');
    }
    const row = await this.deps.db
      .updateTable('hotline_calls')
      .set({ stream_id: message.start.streamSid, updated_at: this.deps.clock.now() })
      .where('id', '=', callId)
      .where('status', '=', 'active')
      .where('channel', '=', 'phone')
      .where('stream_id', 'is', null)
      .returningAll()
      .executeTakeFirst();
    const persona = row ? await this.deps.personas.getPersona(row.persona_id) : null;
    if (!row || !persona) {
      this.deps.logger.warn(
        { callId, reason: 'call_not_streamable' },
        'hotline media stream: call ended or already streaming',
      );
      return this.closeSocket(1008, 'call not active');
    }
    const transport = new PhoneTransport(this.socket, message.start.streamSid, this.deps.codec);
    this.session = new CallSession(
      this.deps,
      { id: row.id, persona, language: row.language as Language, state: {} },
      transport,
    );
    this.untrack = this.deps.active.add(this.session, row.id);
    void this.session.begin();
  }

  private protocolError(reason: string) {
    this.deps.logger.warn({ callId: this.callId, reason }, 'hotline media stream: protocol error');
    return this.fail('stream_error');
  }

  /** Ends the call (keeping what was captured) and the socket. */
  private async fail(reason: 'stream_error' | 'no_start') {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.startTimer);
    if (this.session) {
      await this.session.end(reason === 'no_start' ? 'stream_error' : reason);
      this.untrack?.();
    } else if (this.callId && reason === 'stream_error') {
      await endCall(this.deps, { callId: this.callId, reason }).catch((err) =>
        this.deps.logger.error({ err, callId: this.callId }, 'could not end hotline call'),
      );
    }
    this.closeSocket(1011, reason);
  }

  private async hangUp() {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.startTimer);
    if (this.session) {
      await this.session.end('caller_hung_up');
      this.untrack?.();
    }
    this.closeSocket(1000, 'call ended');
  }

  private closeSocket(code: number, reason: string) {
    this.done = true;
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, reason);
  }
}
