import { ConfigError } from '../platform/config.js';

/** Exit codes: 1 runtime failure, 2 bad usage or configuration. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export function reportCliError(err: unknown): never {
  if (err instanceof CliUsageError || err instanceof ConfigError) {
    process.stderr.write(`tandem: ${err.message}\n`);
    process.exit(2);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`tandem: ${message}\n`);
  if (process.env.TANDEM_DEBUG) console.error(err);
  process.exit(1);
}

export function parsePositiveInt(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new CliUsageError(`${name} must be a positive whole number, got "${value}"`);
  }
  return Number(value);
}
