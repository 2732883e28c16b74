import type { CallSession } from './call-session.js';

/** This process's live call sessions, so shutting down ends them with `server_shutdown` rather than leaving them active. */
export class ActiveCalls {
  private readonly sessions = new Set<CallSession>();

  add(session: CallSession): () => void {
    this.sessions.add(session);
    return () => this.sessions.delete(session);
  }

  get size() {
    return this.sessions.size;
  }

  async endAll(): Promise<void> {
    await Promise.allSettled([...this.sessions].map((s) => s.end('server_shutdown')));
    this.sessions.clear();
  }
}
