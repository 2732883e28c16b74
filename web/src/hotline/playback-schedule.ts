/**
 * When each received audio chunk should start so replies play gaplessly: back to back after
 * whatever is queued, or a little after "now" when the queue has run dry (a late chunk must not
 * be scheduled in the past, where Web Audio would play it at once and overlap or clip).
 * Pure arithmetic on the AudioContext clock (seconds), so it is unit-tested without audio.
 */

/** Head start for a chunk that arrives after the queue ran dry: enough for the audio thread to pick it up. */
export const START_LEAD_SECONDS = 0.04;

export class PlaybackSchedule {
  /** When the last scheduled chunk ends; 0 when nothing was scheduled since the last reset. */
  private endsAt = 0;

  constructor(private readonly lead: number = START_LEAD_SECONDS) {}

  /** The start time for a chunk of `duration` seconds received at `now`; the queue then ends after it. */
  schedule(now: number, duration: number): number {
    const start = Math.max(this.endsAt, now + this.lead);
    this.endsAt = start + Math.max(0, duration);
    return start;
  }

  /** Seconds of audio still queued at `now` (0 when it has all played). */
  remaining(now: number): number {
    return Math.max(0, this.endsAt - now);
  }

  playing(now: number): boolean {
    return this.endsAt > now;
  }

  /** Forget the queue (barge-in): the next chunk starts right away. */
  reset(): void {
    this.endsAt = 0;
  }
}
