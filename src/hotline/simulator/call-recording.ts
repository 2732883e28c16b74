import { ULAW_SILENCE } from './line-synthesis.js';
import { BYTES_PER_MS } from './playout-clock.js';

/**
 * Both sides of a simulated call on one timeline, as the caller's handset heard and sent it:
 * left channel the caller's line, right channel the persona as played out (cut where a `clear`
 * dropped it). Written as a μ-law WAV that any player or `sox` reads.
 */
export class CallRecorder {
  private caller: Buffer[] = [];
  private persona = Buffer.alloc(8000 * 10, ULAW_SILENCE);
  private personaEnd = 0;

  /** `origin`: when the stream started (the time of the first caller frame). */
  constructor(private readonly origin: number) {}

  callerFrame(frame: Buffer): void {
    this.caller.push(frame);
  }

  personaAudio(startsAt: number, audio: Buffer): void {
    const offset = Math.max(0, Math.round((startsAt - this.origin) * BYTES_PER_MS));
    const end = offset + audio.length;
    if (end > this.persona.length) {
      const grown = Buffer.alloc(Math.max(end, this.persona.length * 2), ULAW_SILENCE);
      this.persona.copy(grown);
      this.persona = grown;
    }
    audio.copy(this.persona, offset);
    this.personaEnd = Math.max(this.personaEnd, end);
  }

  /** Drops persona audio that had not played by `now`. */
  clear(now: number): void {
    const offset = Math.max(0, Math.round((now - this.origin) * BYTES_PER_MS));
    if (offset < this.personaEnd) {
      this.persona.fill(ULAW_SILENCE, offset, this.personaEnd);
      this.personaEnd = offset;
    }
  }

  toWav(): Buffer {
    const caller = Buffer.concat(this.caller);
    const samples = Math.max(caller.length, this.personaEnd);
    const data = Buffer.alloc(samples * 2, ULAW_SILENCE);
    for (let i = 0; i < samples; i++) {
      if (i < caller.length) data[2 * i] = caller[i]!;
      if (i < this.personaEnd) data[2 * i + 1] = this.persona[i]!;
    }
    return ulawWav(data, 2);
  }
}

/** A WAV container around μ-law samples (format tag 7). */
export function ulawWav(data: Buffer, channels: number): Buffer {
  const header = Buffer.alloc(58);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(50 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(18, 16);
  header.writeUInt16LE(7, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000 * channels, 28);
  header.writeUInt16LE(channels, 32);
  header.writeUInt16LE(8, 34);
  header.writeUInt16LE(0, 36);
  header.write('fact', 38, 'ascii');
  header.writeUInt32LE(4, 42);
  header.writeUInt32LE(data.length / channels, 46);
  header.write('data', 50, 'ascii');
  header.writeUInt32LE(data.length, 54);
  return Buffer.concat([header, data]);
}
