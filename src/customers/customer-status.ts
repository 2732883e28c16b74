import type { Selectable } from 'kysely';
import { unprocessable } from '../orders/domain.js';
import type { Trx } from '../orders/plan-state.js';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';

export type CustomerRow = Selectable<DB['customers']>;

export async function lockCustomerRow(trx: Trx, customerId: string): Promise<CustomerRow> {
  const c = await trx
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', customerId)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw notFound('Customer');
  return c;
}

/** Status changes must say why: the reason is what the next agent or investigator reads. */
export function requireReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 3 || r.length > 500) throw unprocessable('Give a reason of 3 to 500 characters');
  return r;
}

export const statusSnapshot = (c: CustomerRow) => ({ status: c.status, statusReason: c.status_reason });

export interface CustomerStatusResult {
  customerId: string;
  status: CustomerRow['status'];
  statusReason: string | null;
}
