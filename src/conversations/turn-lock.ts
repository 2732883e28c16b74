/**
 * Runs one assistant turn at a time per conversation in this process. The row lock
 * (`for update`) keeps seq numbers consistent, but the assistant is deliberately called
 * outside any transaction (it may query the database itself, and on PGlite a transaction
 * owns the only session), so this queue is what keeps two turns from reading the same
 * state and overwriting each other's result.
 */
export class TurnLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
