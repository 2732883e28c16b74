import type { CallSession } from './call-session.js';

/**
 * This process's live call sessions: shutting down ends them with `server_shutdown` rather than
 * leaving them active, and no more than `maxCalls` run at once (speech recognition and synthesis
 * are CPU-bound; past the machine's capacity every caller would wait longer, not just the last).
 */
export class ActiveCalls {
  private readonly sessions = new Set<CallSession>();
  /** Calls the carrier's webhook answered whose stream has not started yet. */
  private readonly reserved = new Map<string, NodeJS.Timeout>();

  constructor(private readonly maxCalls = Number.POSITIVE_INFINITY) {}

  /** Whether another call may start now. */
  hasFreeLine(): boolean {
    return this.sessions.size + this.reserved.size < this.maxCalls;
  }

  /** Holds a line for a call whose stream should start within `ms` (the webhook answered it). */
  reserve(callId: string, ms: number): void {
    const timer = setTimeout(() => this.reserved.delete(callId), ms);
    timer.unref();
    this.reserved.set(callId, timer);
  }

  add(session: CallSession, callId?: string): () => void {
    if (callId !== undefined) {
      clearTimeout(this.reserved.get(callId));
      this.reserved.delete(callId);
    }
    this.sessions.add(session);
    return () => this.sessions.delete(session);
  }

  get size() {
    return this.sessions.size;
  }

  async endAll(): Promise<void> {
    for (const timer of this.reserved.values()) clearTimeout(timer);
    this.reserved.clear();
    await Promise.allSettled([...this.sessions].map((s) => s.end('server_shutdown')));
    this.sessions.clear();
  }
}
