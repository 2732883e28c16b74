import { sql } from 'kysely';
import type { Sql } from '../platform/db/database.js';
import { badRequest } from '../platform/errors.js';
import { isUuid } from '../platform/ids.js';
import type { CustomerSummary } from './customer-views.js';

export const SEARCH_LIMIT = 25;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * Staff search: a case-insensitive substring of the full name, email or an order reference,
 * a phone number ignoring spaces and punctuation, or an exact customer or order id.
 */
export async function searchCustomers(db: Sql, query: string): Promise<CustomerSummary[]> {
  const q = query.trim();
  if (q.length < 2 || q.length > 200) throw badRequest('Search for 2 to 200 characters');
  const pattern = `%${escapeLike(q)}%`;
  const digits = q.replace(/\D/g, '');
  const rows = await db
    .selectFrom('customers as c')
    .select([
      'c.id',
      'c.given_name',
      'c.family_name',
      'c.email',
      'c.phone',
      'c.country',
      'c.status',
      'c.created_at',
    ])
    .where((eb) => {
      const anyOf = [
        eb(sql<string>`c.given_name || ' ' || c.family_name`, 'ilike', pattern),
        eb('c.email', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('orders as o')
            .select(sql.lit(1).as('one'))
            .whereRef('o.customer_id', '=', 'c.id')
            .where('o.reference', 'ilike', pattern),
        ),
      ];
      // Phone numbers are typed many ways; compare digits only, and only for a meaningful run of them.
      if (digits.length >= 4 && digits.length >= q.replace(/[\s+()\-.]/g, '').length) {
        anyOf.push(
          eb(sql<string>`regexp_replace(coalesce(c.phone, ''), '[^0-9]', '', 'g')`, 'like', `%${digits}%`),
        );
      }
      if (isUuid(q)) {
        anyOf.push(eb('c.id', '=', q));
        anyOf.push(
          eb.exists(
            eb
              .selectFrom('orders as o')
              .select(sql.lit(1).as('one'))
              .whereRef('o.customer_id', '=', 'c.id')
              .where('o.id', '=', q),
          ),
        );
      }
      return eb.or(anyOf);
    })
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .orderBy('c.id')
    .limit(SEARCH_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    email: r.email,
    phone: r.phone,
    country: r.country,
    status: r.status,
    createdAt: r.created_at.toISOString(),
  }));
}
