import type { Country } from '../platform/db/schema.js';
import { type Catalog, merchantByName } from './catalog.js';
import { makeDevice, makeLogins, makePaymentMethod } from './customer-parts.js';
import { type CustomerLedger, type OrderSpec, writeOrder } from './order-story.js';
import { Random } from './random.js';
import type { CustomerRow, DeviceRow, MerchantRow, PaymentMethodRow, ProductRow, SeedRows } from './rows.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfDay } from './time.js';

/**
 * The two well-known demo customers every generated company starts with. Tests, demos
 * and docs rely on them, so their data does not depend on the company seed.
 */
export interface DemoCustomerProfile {
  index: number;
  givenName: string;
  familyName: string;
  email: string;
  country: Country;
  locale: string;
}

export const DEMO_CUSTOMERS: readonly DemoCustomerProfile[] = [
  {
    index: 0,
    givenName: 'Alex',
    familyName: 'Morgan',
    email: 'alex.morgan@example.com',
    country: 'US',
    locale: 'en-US',
  },
  {
    index: 1,
    givenName: 'Elsa',
    familyName: 'Lindqvist',
    email: 'elsa.lindqvist@example.se',
    country: 'SE',
    locale: 'sv-SE',
  },
];

// A fixed stream, independent of the company seed.
const DEMO_SEED = 0x0de3_0001;

export interface GeneratedCustomer {
  index: number;
  row: CustomerRow;
  devices: DeviceRow[];
  defaultMethod: PaymentMethodRow;
  home: string;
}

/** Picks a product by its price rank (0 = cheapest, 1 = dearest), so scripts stay stable. */
function productAt(catalog: Catalog, merchant: MerchantRow, rank: number): ProductRow {
  const list = catalog.productsByMerchant.get(merchant.id) ?? [];
  const product = list[Math.min(list.length - 1, Math.floor(rank * list.length))];
  if (!product) throw new Error(`Demo merchant ${merchant.name} has no products`);
  return product;
}

interface ScriptedOrder
  extends Omit<OrderSpec, 'customerIndex' | 'slot' | 'placedAt' | 'merchant' | 'items'> {
  merchant: string;
  /** Products by price rank. */
  items: readonly (readonly [rank: number, quantity: number])[];
  daysAgo: number;
}

const ALEX_ORDERS: readonly ScriptedOrder[] = [
  // Paid off.
  {
    merchant: 'Voltbay Electronics',
    items: [[0.3, 1]],
    daysAgo: 130,
    kind: 'pay_in_4',
    channel: 'online',
    deviceId: null,
    story: { kind: 'normal' },
    onTime: true,
  },
  // Returned and refunded in full before the single payment was due.
  {
    merchant: 'Glow Theory',
    items: [
      [0.5, 1],
      [0.2, 1],
    ],
    daysAgo: 75,
    kind: 'pay_in_30',
    channel: 'app',
    deviceId: null,
    story: { kind: 'full_refund', withReturn: true },
    eventAfterDays: 12,
  },
  // Twelve months at 14.99% APR.
  {
    merchant: 'Oak & Ember Furniture',
    items: [[0.9, 1]],
    daysAgo: 100,
    kind: 'financing',
    termMonths: 12,
    aprBps: 1499,
    channel: 'online',
    deviceId: null,
    story: { kind: 'normal' },
    onTime: true,
  },
  // Active pay in 4: two paid, the next one due in 11 days.
  {
    merchant: 'Harbor & Pine Outfitters',
    items: [
      [0.8, 1],
      [0.2, 1],
    ],
    daysAgo: 17,
    kind: 'pay_in_4',
    channel: 'app',
    deviceId: null,
    story: { kind: 'normal' },
    onTime: true,
  },
  // The parcel never came: an open dispute pauses the remaining payments.
  {
    merchant: 'Pixelport',
    items: [[0.4, 1]],
    daysAgo: 20,
    kind: 'pay_in_4',
    channel: 'online',
    deviceId: null,
    story: { kind: 'dispute', reason: 'item_not_received', status: 'open' },
    eventAfterDays: 9,
  },
];

const ELSA_ORDERS: readonly ScriptedOrder[] = [
  // Paid off.
  {
    merchant: 'Hemmaverket',
    items: [[0.3, 1]],
    daysAgo: 95,
    kind: 'pay_in_30',
    channel: 'online',
    deviceId: null,
    story: { kind: 'normal' },
    onTime: true,
  },
  // One of two items sent back after the plan was paid off: a partial refund.
  {
    merchant: 'Nordvik Mode',
    items: [
      [0.6, 1],
      [0.3, 1],
    ],
    daysAgo: 80,
    kind: 'pay_in_4',
    channel: 'app',
    deviceId: null,
    story: { kind: 'partial_refund' },
    eventAfterDays: 45,
  },
  // Twenty-four months at 19.99% APR.
  {
    merchant: 'Elektrobyn',
    items: [[0.85, 1]],
    daysAgo: 160,
    kind: 'financing',
    termMonths: 24,
    aprBps: 1999,
    channel: 'online',
    deviceId: null,
    story: { kind: 'normal' },
    onTime: true,
  },
  // Active pay in 4: the second payment is due in 4 days.
  {
    merchant: 'Stilhuset',
    items: [[0.5, 1]],
    daysAgo: 10,
    kind: 'pay_in_4',
    channel: 'app',
    deviceId: null,
    story: { kind: 'normal' },
    onTime: true,
  },
  // The third payment failed twice and is now late, with a 60 kr late fee.
  {
    merchant: 'Skönhetsrummet',
    items: [[0.7, 1]],
    daysAgo: 40,
    kind: 'pay_in_4',
    channel: 'app',
    deviceId: null,
    story: { kind: 'normal' },
    outcomes: { 2: 'on_time', 3: 'unpaid' },
  },
];

/** Writes demo customer 0 (Alex Morgan, US) or 1 (Elsa Lindqvist, SE). */
export function writeDemoCustomer(
  profile: DemoCustomerProfile,
  catalog: Catalog,
  now: number,
  out: SeedRows,
): GeneratedCustomer {
  const rng = new Random(DEMO_SEED, profile.index);
  const us = profile.country === 'US';
  const today = startOfDay(now);
  const year = new Date(now).getUTCFullYear();
  const createdAt = new Date(today - (us ? 730 : 540) * DAY_MS + 11 * HOUR_MS);
  const row: CustomerRow = {
    id: rng.uuid(),
    given_name: profile.givenName,
    family_name: profile.familyName,
    email: profile.email,
    phone: us ? '+15035550142' : '+46701740642',
    country: profile.country,
    locale: profile.locale,
    date_of_birth: us ? '1991-04-12' : '1988-09-03',
    address_line: us ? '1847 Maple St' : 'Södermannagatan 14',
    city: us ? 'Portland, OR' : 'Stockholm',
    postal_code: us ? '97205' : '116 23',
    status: 'active',
    status_reason: null,
    credit_limit_minor: us ? 300_000 : 2_500_000,
    currency: us ? 'USD' : 'SEK',
    created_at: createdAt,
    updated_at: new Date(today - 30 * DAY_MS),
  };
  out.customers.push(row);
  const defaultMethod = makePaymentMethod(rng, row, now, out, {
    kind: 'card',
    isDefault: true,
    expires: [us ? 9 : 4, year + 3],
    createdAt: createdAt.getTime() + HOUR_MS,
  });
  const second = us
    ? makePaymentMethod(rng, row, now, out, {
        kind: 'card',
        isDefault: false,
        expires: [3, year - 1],
        createdAt: createdAt.getTime() + 20 * MINUTE_MS,
      })
    : makePaymentMethod(rng, row, now, out, { kind: 'bank_account', isDefault: false });
  const phone = makeDevice(rng, row, now, out, us ? 'ios' : 'android');
  const web = makeDevice(rng, row, now, out, 'web');
  const home = us ? '73.42.118.20' : '83.254.17.96';
  makeLogins(rng, row, [phone, web], home, 6, now, out);

  const ledger: CustomerLedger = {
    rng,
    now,
    customerId: row.id,
    currency: row.currency,
    paymentMethodId: defaultMethod.id,
    expiredCardId: second.status === 'expired' ? second.id : null,
    behaviour: 'reliable',
    out,
  };
  const script = us ? ALEX_ORDERS : ELSA_ORDERS;
  script.forEach((order, slot) => {
    const merchant = merchantByName(catalog, order.merchant);
    writeOrder(ledger, {
      ...order,
      customerIndex: profile.index,
      slot,
      merchant,
      items: order.items.map(([rank, quantity]) => ({
        product: productAt(catalog, merchant, rank),
        quantity,
      })),
      placedAt: today - order.daysAgo * DAY_MS + (13 * 60 + slot * 37) * MINUTE_MS,
      deviceId: order.channel === 'app' ? phone.id : web.id,
    });
  });
  return { index: profile.index, row, devices: [phone, web], defaultMethod, home };
}
