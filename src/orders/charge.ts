import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { isUniqueViolation, unprocessable } from './domain.js';
import type { Trx } from './plan-state.js';

type PaymentMethodRow = Selectable<DB['payment_methods']>;

export type ChargeOutcome = { ok: true } | { ok: false; code: string; reason: string };

/**
 * The simulated card network: deterministic so tests, demos and the assistant agree on
 * what happens. A method that is not 'active' is declined, and so is a card past its
 * expiry month. There is no randomness and no external call.
 */
export function simulateCharge(method: PaymentMethodRow, today: string): ChargeOutcome {
  const label = `${method.brand} ending ${method.last4}`;
  if (method.status !== 'active') {
    return { ok: false, code: `payment_method_${method.status}`, reason: `The ${label} is ${method.status}` };
  }
  if (method.kind === 'card' && method.exp_year !== null && method.exp_month !== null) {
    const [year, month] = today.split('-').map(Number) as [number, number];
    if (method.exp_year * 12 + method.exp_month < year * 12 + month) {
      return { ok: false, code: 'card_expired', reason: `The ${label} has expired` };
    }
  }
  return { ok: true };
}

/**
 * The method to charge: the one asked for, else the plan's, else the customer's default,
 * else their newest active one. A method of another customer is reported as not found.
 */
export async function resolvePaymentMethod(
  trx: Trx,
  customerId: string,
  requestedId: string | undefined,
  planMethodId: string | null,
): Promise<PaymentMethodRow> {
  if (requestedId) {
    const requested = await trx
      .selectFrom('payment_methods')
      .selectAll()
      .where('id', '=', requestedId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    if (!requested) throw notFound('Payment method');
    return requested;
  }
  if (planMethodId) {
    const onPlan = await trx
      .selectFrom('payment_methods')
      .selectAll()
      .where('id', '=', planMethodId)
      .executeTakeFirst();
    if (onPlan) return onPlan;
  }
  const fallback = await trx
    .selectFrom('payment_methods')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .orderBy('is_default', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!fallback) throw unprocessable('There is no payment method on file; add a card or bank account first');
  return fallback;
}

/** Idempotency keys are scoped per customer so one customer's key can never collide with another's. */
export const scopedIdempotencyKey = (customerId: string, key: string): string => `${customerId}:${key}`;

export function findPaymentByKey(db: Kysely<DB>, key: string) {
  return db.selectFrom('payments').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

/** Runs the simulated charge and records the attempt, declined or not, under the idempotency key. */
export async function chargeAndRecord(
  trx: Trx,
  input: {
    plan: { id: string; currency: Selectable<DB['payment_plans']>['currency'] };
    installmentId: string | null;
    customerId: string;
    method: PaymentMethodRow;
    amountMinor: number;
    idempotencyKey: string;
    now: Date;
    today: string;
  },
): Promise<{ charge: ChargeOutcome; payment: Selectable<DB['payments']> }> {
  const charge = simulateCharge(input.method, input.today);
  const payment = await trx
    .insertInto('payments')
    .values({
      id: newId(),
      plan_id: input.plan.id,
      installment_id: input.installmentId,
      customer_id: input.customerId,
      payment_method_id: input.method.id,
      amount_minor: input.amountMinor,
      currency: input.plan.currency,
      status: charge.ok ? 'succeeded' : 'failed',
      failure_code: charge.ok ? null : charge.code,
      failure_reason: charge.ok ? null : charge.reason,
      idempotency_key: input.idempotencyKey,
      attempted_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { charge, payment };
}

/** Marks late fees collected by a successful charge as paid. */
export async function markLateFeesPaid(trx: Trx, fees: readonly { id: string }[]): Promise<void> {
  if (fees.length === 0) return;
  await trx
    .updateTable('late_fees')
    .set({ status: 'paid' })
    .where(
      'id',
      'in',
      fees.map((f) => f.id),
    )
    .execute();
}

/**
 * Runs a payment under an idempotency key: replays an earlier attempt with the same key,
 * and if a concurrent request commits the key between our check and our insert, replays
 * that one instead of failing on the unique index.
 */
export async function withIdempotentPayment<R>(
  db: Kysely<DB>,
  key: string,
  replay: (db: Kysely<DB>, payment: Selectable<DB['payments']>) => Promise<R>,
  attempt: () => Promise<R>,
): Promise<R> {
  const prior = await findPaymentByKey(db, key);
  if (prior) return replay(db, prior);
  try {
    return await attempt();
  } catch (err) {
    if (isUniqueViolation(err)) {
      const winner = await findPaymentByKey(db, key);
      if (winner) return replay(db, winner);
    }
    throw err;
  }
}
