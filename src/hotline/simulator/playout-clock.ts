/** μ-law 8 kHz: one byte is one sample, 8 bytes a millisecond. */
export const BYTES_PER_MS = 8;

interface PendingMark {
  name: string;
  /** When the audio queued before the mark has finished playing. */
  dueAt: number;
}

/**
 * The phone's loudspeaker as a carrier models it: audio from the server is queued and plays at
 * real time; a mark is echoed only once the audio sent before it has played; `clear` drops the
 * queued audio and releases every pending mark at once (as Twilio does). Time is passed in (ms on
 * any monotonic clock), so the model is testable without waiting.
 */
export class PlayoutClock {
  /** When everything queued so far will have played. */
  private playhead = Number.NEGATIVE_INFINITY;
  private marks: PendingMark[] = [];
  /** Audio dropped by `clear`, in ms. */
  droppedMs = 0;
  /** Audio received, in ms. */
  receivedMs = 0;

  /** Queues `bytes` of audio received at `now`; returns when it starts playing. */
  push(bytes: number, now: number): number {
    const startsAt = Math.max(this.playhead, now);
    this.playhead = startsAt + bytes / BYTES_PER_MS;
    this.receivedMs += bytes / BYTES_PER_MS;
    return startsAt;
  }

  mark(name: string, now: number): void {
    this.marks.push({ name, dueAt: Math.max(this.playhead, now) });
  }

  /** Marks whose audio has played by `now`, in order; they leave the queue. */
  takeDue(now: number): string[] {
    const due: string[] = [];
    while (this.marks.length && this.marks[0]!.dueAt <= now) due.push(this.marks.shift()!.name);
    return due;
  }

  /** When the next pending mark falls due, if any. */
  nextDueAt(): number | undefined {
    return this.marks[0]?.dueAt;
  }

  /** Drops the queued audio; returns the pending marks, which are echoed now. */
  clear(now: number): string[] {
    if (this.playhead > now) this.droppedMs += this.playhead - now;
    this.playhead = Math.min(this.playhead, now);
    const released = this.marks.map((m) => m.name);
    this.marks = [];
    return released;
  }

  /** Audio still queued at `now`, in ms. */
  bufferedMs(now: number): number {
    return Math.max(0, this.playhead - now);
  }

  /** Nothing left to play and no mark waiting. */
  idle(now: number): boolean {
    return this.bufferedMs(now) === 0 && this.marks.length === 0;
  }
}
