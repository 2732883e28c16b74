import type { WebSocket } from 'ws';
import type { CallTransport } from '../session/call-session-ports.js';

/** Persona audio to the browser as binary PCM16LE 16 kHz frames, with JSON events beside it. */
export class BrowserTransport implements CallTransport {
  readonly sampleRate = 16_000;
  readonly confirmsPlayback = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly callId: string,
  ) {}

  sendAudio(samples: Int16Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    const bytes = Buffer.alloc(samples.length * 2);
    for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i] ?? 0, i * 2);
    this.socket.send(bytes, { binary: true });
  }

  endReply(seq: number): void {
    this.send({ type: 'reply.end', seq });
  }

  clear(): void {
    this.send({ type: 'clear' });
  }

  transcript(speaker: 'caller' | 'persona', seq: number, text: string): void {
    this.send({ type: 'transcript', speaker, seq, text });
  }

  close(reason: string): void {
    this.send({ type: 'call.ended', callId: this.callId, reason });
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(1000, 'call ended');
  }

  send(message: unknown) {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

/** PCM16LE bytes from the microphone as samples (an odd trailing byte is dropped). */
export function pcmFromBytes(bytes: Buffer): Int16Array {
  const samples = new Int16Array(Math.floor(bytes.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
  return samples;
}
