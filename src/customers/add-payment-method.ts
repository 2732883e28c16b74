import { customerTopic, type DomainDeps, todayOf, unprocessable } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { conflict } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { lockCustomerRow } from './customer-status.js';
import type { PaymentMethodView } from './customer-views.js';

/**
 * A payment method as the card vault hands it to us: a token fingerprint and display
 * details only. There is deliberately no field for a card number or CVC.
 */
export interface AddPaymentMethodInput {
  customerId: string;
  kind: 'card' | 'bank_account';
  brand: string;
  last4: string;
  /** The vault's stable token for this card or account; also links shared cards in fraud review. */
  fingerprint: string;
  expMonth?: number | undefined;
  expYear?: number | undefined;
  makeDefault?: boolean | undefined;
}

export async function addPaymentMethod(
  deps: DomainDeps,
  actor: Actor,
  input: AddPaymentMethodInput,
): Promise<PaymentMethodView> {
  const brand = input.brand.trim();
  if (brand.length < 1 || brand.length > 40) throw unprocessable('brand must be 1 to 40 characters');
  if (!/^[0-9]{4}$/.test(input.last4)) throw unprocessable('last4 must be exactly four digits');
  if (!/^[A-Za-z0-9_\-:.]{8,128}$/.test(input.fingerprint)) {
    throw unprocessable('fingerprint must be a vault token of 8 to 128 letters, digits or _-:.');
  }
  const today = todayOf(deps.clock);
  if (input.kind === 'card') {
    const { expMonth, expYear } = input;
    if (expMonth === undefined || expYear === undefined)
      throw unprocessable('A card needs expMonth and expYear');
    if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12 || !Number.isInteger(expYear)) {
      throw unprocessable('expMonth must be 1 to 12 and expYear a four-digit year');
    }
    const [year, month] = today.split('-').map(Number) as [number, number];
    if (expYear * 12 + expMonth < year * 12 + month) throw unprocessable('This card has expired');
  } else if (input.expMonth !== undefined || input.expYear !== undefined) {
    throw unprocessable('A bank account has no expiry date');
  }

  return deps.db.transaction().execute(async (trx) => {
    const c = await lockCustomerRow(trx, input.customerId);
    if (c.status !== 'active')
      throw conflict(`Payment methods cannot be added while the account is ${c.status}`);
    const duplicate = await trx
      .selectFrom('payment_methods')
      .select('id')
      .where('customer_id', '=', c.id)
      .where('fingerprint', '=', input.fingerprint)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (duplicate)
      throw conflict('This payment method is already on file', { paymentMethodId: duplicate.id });
    const hasDefault = await trx
      .selectFrom('payment_methods')
      .select('id')
      .where('customer_id', '=', c.id)
      .where('status', '=', 'active')
      .where('is_default', '=', true)
      .executeTakeFirst();
    const isDefault = input.makeDefault === true || !hasDefault;
    if (isDefault && hasDefault) {
      await trx
        .updateTable('payment_methods')
        .set({ is_default: false })
        .where('customer_id', '=', c.id)
        .where('is_default', '=', true)
        .execute();
    }
    const m = await trx
      .insertInto('payment_methods')
      .values({
        id: newId(),
        customer_id: c.id,
        kind: input.kind,
        brand,
        last4: input.last4,
        exp_month: input.kind === 'card' ? (input.expMonth ?? null) : null,
        exp_year: input.kind === 'card' ? (input.expYear ?? null) : null,
        fingerprint: input.fingerprint,
        is_default: isDefault,
        status: 'active',
        created_at: deps.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view: PaymentMethodView = {
      id: m.id,
      kind: m.kind,
      brand: m.brand,
      last4: m.last4,
      isDefault: m.is_default,
      status: m.status,
    };
    await writeAudit(trx, actor, {
      action: 'payment_method.added',
      entityType: 'payment_method',
      entityId: m.id,
      before: null,
      after: { ...view, previousDefault: isDefault ? (hasDefault?.id ?? null) : undefined },
    });
    await deps.events.publish(
      customerTopic(c.id),
      'payment_method.added',
      { paymentMethodId: m.id, isDefault },
      trx,
    );
    return view;
  });
}
