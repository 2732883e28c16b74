/**
 * A failure the simulator explains in one sentence (server unreachable, unknown number,
 * protocol violation, timeout). The CLI prints the message without a stack trace and exits 1.
 */
export class SimulatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulatorError';
  }
}
