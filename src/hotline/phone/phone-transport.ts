import type { WebSocket } from 'ws';
import type { AudioCodec, CallTransport } from '../session/call-session-ports.js';

/** 20 ms of 8 kHz audio: what carriers send and expect per media frame. */
const FRAME_SAMPLES = 160;

/** Persona audio to the carrier as 20 ms μ-law media frames, a mark after each reply, `clear` on barge-in. */
export class PhoneTransport implements CallTransport {
  readonly sampleRate = 8000;
  readonly confirmsPlayback = true;
  private leftover = new Int16Array(0);

  constructor(
    private readonly socket: WebSocket,
    private readonly streamSid: string,
    private readonly codec: Pick<AudioCodec, 'encodeMuLaw'>,
  ) {}

  sendAudio(samples: Int16Array): void {
    const all = new Int16Array(this.leftover.length + samples.length);
    all.set(this.leftover);
    all.set(samples, this.leftover.length);
    let offset = 0;
    for (; offset + FRAME_SAMPLES <= all.length; offset += FRAME_SAMPLES) {
      this.sendFrame(all.subarray(offset, offset + FRAME_SAMPLES));
    }
    this.leftover = all.slice(offset);
  }

  endReply(seq: number): void {
    if (this.leftover.length) {
      const last = new Int16Array(FRAME_SAMPLES);
      last.set(this.leftover);
      this.leftover = new Int16Array(0);
      this.sendFrame(last);
    }
    this.send({ event: 'mark', streamSid: this.streamSid, mark: { name: `turn-${seq}` } });
  }

  clear(): void {
    this.leftover = new Int16Array(0);
    this.send({ event: 'clear', streamSid: this.streamSid });
  }

  transcript(): void {
    // The phone has no text channel; staff see turns over the live topic.
  }

  close(reason: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (reason === 'stream_error') this.socket.close(1011, 'stream error');
    else this.socket.close(1000, 'call ended');
  }

  private sendFrame(frame: Int16Array) {
    const payload = Buffer.from(this.codec.encodeMuLaw(frame)).toString('base64');
    this.send({ event: 'media', streamSid: this.streamSid, media: { payload } });
  }

  private send(message: unknown) {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

/** Parses a `turn-<seq>` mark name. */
export function markSeq(name: string): number | null {
  const m = /^turn-(\d+)$/.exec(name);
  return m ? Number(m[1]) : null;
}
