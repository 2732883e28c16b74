import type { Clock } from '../platform/clock.js';
import type { Sql } from '../platform/db/database.js';
import type { Currency, InstallmentStatus } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import type { EventBus } from '../platform/events/event-bus.js';

/** What every BNPL use case needs; `AppDeps` satisfies it, so routes pass `deps` straight through. */
export interface DomainDeps {
  db: Sql;
  events: EventBus;
  clock: Clock;
}

/** Live-event topic a customer's screens (app, assistant, agent console) listen to. */
export const customerTopic = (customerId: string): string => `customer:${customerId}`;

/** A request that is well formed but breaks a business rule the caller could not have known (422). */
export const unprocessable = (message: string, details?: unknown) =>
  new AppError(422, 'unprocessable', message, details);

/** Installments that still expect money from the customer. */
export const UNPAID_STATUSES = [
  'scheduled',
  'late',
  'failed',
  'paused',
] as const satisfies readonly InstallmentStatus[];
/** Unpaid installments that can be charged now (paused ones wait for the dispute). */
export const PAYABLE_STATUSES = [
  'scheduled',
  'late',
  'failed',
] as const satisfies readonly InstallmentStatus[];
/** Installments that need nothing more from anyone. */
export const SETTLED_STATUSES = [
  'paid',
  'cancelled',
  'waived',
] as const satisfies readonly InstallmentStatus[];

export const isUnpaid = (status: InstallmentStatus): boolean =>
  (UNPAID_STATUSES as readonly InstallmentStatus[]).includes(status);
export const isPayable = (status: InstallmentStatus): boolean =>
  (PAYABLE_STATUSES as readonly InstallmentStatus[]).includes(status);

/** What is still owed on an installment, in minor units. */
export const remainingMinor = (i: { amount_minor: number; paid_minor: number }): number =>
  Math.max(0, i.amount_minor - i.paid_minor);

const MINOR_DIGITS: Record<Currency, number> = { USD: 2, SEK: 2 };

/** "USD 12.34": for error messages and audit reasons, never for arithmetic. */
export function formatMoney(minor: number, currency: Currency): string {
  const digits = MINOR_DIGITS[currency];
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const major = Math.floor(abs / 10 ** digits);
  const rest = String(abs % 10 ** digits).padStart(digits, '0');
  return `${currency} ${sign}${major}.${rest}`;
}

/**
 * Today's calendar date. Due dates are plain dates compared in UTC: one rule for
 * every market keeps "late" deterministic across servers and tests.
 */
export const todayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** True when a database error is a unique-constraint violation (same SQLSTATE on PGlite and pg). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
