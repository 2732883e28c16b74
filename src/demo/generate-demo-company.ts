import type { Country, CustomerStatus, PlanKind } from '../platform/db/schema.js';
import { buildCatalog, type Catalog, type MerchantCategory } from './catalog.js';
import {
  copySharedCard,
  homeIp,
  linkDevice,
  makeDevice,
  makeLogins,
  makePaymentMethod,
} from './customer-parts.js';
import { DEMO_CUSTOMERS, type GeneratedCustomer, writeDemoCustomer } from './demo-customers.js';
import {
  emailSafe,
  SE_FAMILY_NAMES,
  SE_GIVEN_NAMES,
  SE_PLACES,
  SE_STREETS,
  US_AREA_CODES,
  US_FAMILY_NAMES,
  US_GIVEN_NAMES,
  US_PLACES,
  US_STREETS,
} from './names.js';
import type {
  CustomerLedger,
  OrderItemSpec,
  OrderSpec,
  OrderStory,
  PaymentBehaviour,
} from './order-story.js';
import { writeOrder } from './order-story.js';
import { Random, type WeightedEntries } from './random.js';
import { MAX_CUSTOMER_INDEX, ORDER_SLOTS_PER_CUSTOMER } from './references.js';
import { type CustomerRow, emptySeedRows, type MerchantRow, type SeedRows } from './rows.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.js';

export interface DemoCompanyOptions {
  seed: number;
  /** How many customers to generate. */
  customers: number;
  /** The instant the company's history leads up to. */
  now: Date;
  /** Customers per yielded batch; rounded up to an even number so households never straddle two. */
  batchSize?: number;
  /** Index of the first customer, for appending to an existing company. Default 0. */
  startIndex?: number;
  /** Yield the merchant catalog first. Default: only when starting at index 0. */
  includeCatalog?: boolean;
  /**
   * Generate only every `count`-th batch, starting at batch `index`, so several threads can
   * share one company. Batches are independent, so the shards together equal the whole.
   */
  shard?: { index: number; count: number };
}

export interface DemoBatch {
  /** Index of the first customer in the batch. */
  firstIndex: number;
  /** Customers in the batch (0 for the catalog batch). */
  customerCount: number;
  rows: SeedRows;
}

export const DEFAULT_BATCH_SIZE = 1_000;

const CATEGORY_WEIGHTS: Record<MerchantCategory, number> = {
  fashion: 30,
  electronics: 14,
  cosmetics: 12,
  home: 12,
  travel: 5,
  sports: 9,
  kids: 7,
  entertainment: 5,
  jewelry: 3,
  pets: 3,
};
const BIG_TICKET: ReadonlySet<string> = new Set(['electronics', 'home', 'travel', 'jewelry']);

const ORDER_COUNTS: WeightedEntries<number> = [
  [0, 7],
  [1, 24],
  [2, 22],
  [3, 16],
  [4, 11],
  [5, 8],
  [6, 5],
  [7, 4],
  [8, 3],
];

const STORIES: WeightedEntries<OrderStory['kind']> = [
  ['normal', 88.5],
  ['full_refund', 4.5],
  ['partial_refund', 2],
  ['return_pending', 1.5],
  ['return_rejected', 0.5],
  ['dispute', 2],
  ['cancelled', 1],
];

const DISPUTE_REASONS: WeightedEntries<OrderStory & { kind: 'dispute' }> = [
  [{ kind: 'dispute', reason: 'item_not_received' }, 40],
  [{ kind: 'dispute', reason: 'not_as_described' }, 25],
  [{ kind: 'dispute', reason: 'unrecognized' }, 12],
  [{ kind: 'dispute', reason: 'duplicate' }, 8],
  [{ kind: 'dispute', reason: 'cancelled_order' }, 10],
  [{ kind: 'dispute', reason: 'other' }, 5],
];

/** Purchase limits in minor units, per currency; the help centre states the same numbers. */
const LIMITS = {
  USD: { payIn4Min: 3_500, payIn4Max: 150_000, payIn30Max: 100_000, financingMin: 30_000 },
  SEK: { payIn4Min: 35_000, payIn4Max: 1_500_000, payIn30Max: 1_000_000, financingMin: 300_000 },
} as const;

interface WeightedMerchants {
  US: WeightedEntries<MerchantRow>;
  SE: WeightedEntries<MerchantRow>;
}

function weightedMerchants(catalog: Catalog): WeightedMerchants {
  const of = (country: Country) =>
    catalog.merchantsByCountry[country].map(
      (m) => [m, CATEGORY_WEIGHTS[catalog.categoryOf.get(m.id) ?? 'fashion']] as const,
    );
  return { US: of('US'), SE: of('SE') };
}

/** Streams a deterministic demo company in batches, so memory stays flat at any size. */
export function* generateDemoCompany(options: DemoCompanyOptions): Generator<DemoBatch> {
  const { seed, customers } = options;
  const startIndex = options.startIndex ?? 0;
  if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
  if (!Number.isInteger(customers) || customers < 0)
    throw new Error('customers must be a non-negative integer');
  if (!Number.isInteger(startIndex) || startIndex < 0)
    throw new Error('startIndex must be a non-negative integer');
  if (startIndex + customers - 1 > MAX_CUSTOMER_INDEX)
    throw new Error('too many customers for the reference space');
  const batchSize = Math.max(2, Math.ceil((options.batchSize ?? DEFAULT_BATCH_SIZE) / 2) * 2);
  const now = options.now.getTime();
  // Merchants joined the network five years before "now".
  const catalog = buildCatalog(new Date(now - 5 * 365 * DAY_MS));
  const merchants = weightedMerchants(catalog);
  if (options.includeCatalog ?? startIndex === 0) {
    const rows = emptySeedRows();
    rows.merchants = catalog.merchants;
    rows.products = catalog.products;
    yield { firstIndex: startIndex, customerCount: 0, rows };
  }
  const end = startIndex + customers;
  const shard = options.shard ?? { index: 0, count: 1 };
  for (let first = startIndex; first < end; ) {
    const batchNumber = Math.floor(first / batchSize);
    const stop = Math.min(end, (batchNumber + 1) * batchSize);
    if (batchNumber % shard.count !== shard.index) {
      first = stop;
      continue;
    }
    const rows = emptySeedRows();
    let previous: GeneratedCustomer | undefined;
    for (let index = first; index < stop; index++) {
      const profile = DEMO_CUSTOMERS[index];
      previous = profile
        ? writeDemoCustomer(profile, catalog, now, rows)
        : writeCustomer(index, seed, now, catalog, merchants, previous, rows);
    }
    yield { firstIndex: first, customerCount: stop - first, rows };
    first = stop;
  }
}

/** Index-ordered id prefix for a customer's rows; spaced so 10 M customers wrap around at most once. */
export function idPrefixOf(seed: number, index: number): number {
  const start = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return (start + index * 409) >>> 0;
}

function writeCustomer(
  index: number,
  seed: number,
  now: number,
  catalog: Catalog,
  merchants: WeightedMerchants,
  previous: GeneratedCustomer | undefined,
  out: SeedRows,
): GeneratedCustomer {
  const rng = new Random(seed, index);
  rng.idPrefix = idPrefixOf(seed, index);
  // Households: a small share of neighbouring pairs (2k, 2k+1) share an address, a device or a card.
  const partner =
    index % 2 === 1 && previous?.index === index - 1 && index >= DEMO_CUSTOMERS.length + 1 && rng.chance(0.03)
      ? previous
      : undefined;
  const country: Country = partner ? partner.row.country : rng.chance(0.55) ? 'US' : 'SE';
  const us = country === 'US';
  const given = rng.pick(us ? US_GIVEN_NAMES : SE_GIVEN_NAMES);
  const family =
    partner && rng.chance(0.75) ? partner.row.family_name : rng.pick(us ? US_FAMILY_NAMES : SE_FAMILY_NAMES);
  const domain = us
    ? rng.pick(['example.com', 'example.net', 'example.org'])
    : rng.pick(['example.se', 'example.com']);
  const place = rng.pick(us ? US_PLACES : SE_PLACES);
  const createdAt = now - Math.floor((20 + 1440 * rng.float() ** 1.3) * DAY_MS);
  const age = rng.int(18, 72);
  let status: CustomerStatus = rng.weighted([
    ['active', 98.7],
    ['locked', 0.8],
    ['closed', 0.5],
  ]);
  // Only long-standing accounts are closed: their purchases must all be settled by now.
  if (status === 'closed' && createdAt > now - 250 * DAY_MS) status = 'active';
  const row: CustomerRow = {
    id: rng.uuid(),
    given_name: given,
    family_name: family,
    // The index keeps e-mails unique across any number of customers.
    email: `${emailSafe(given)}.${emailSafe(family)}${index}@${domain}`,
    // Numbers from the ranges reserved for fiction (US 555-01xx, Swedish 070-174 06 xx).
    phone: us
      ? `+1${rng.pick(US_AREA_CODES)}55501${rng.digits(2)}`
      : `+467017406${String(rng.int(5, 99)).padStart(2, '0')}`,
    country,
    locale: us ? 'en-US' : 'sv-SE',
    date_of_birth: `${new Date(now).getUTCFullYear() - age}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    address_line: partner
      ? partner.row.address_line
      : us
        ? `${rng.int(10, 9899)} ${rng.pick(US_STREETS)}`
        : `${rng.pick(SE_STREETS)} ${rng.int(1, 120)}`,
    city: partner ? partner.row.city : us ? `${place.city}, ${place.region}` : place.city,
    postal_code: partner
      ? partner.row.postal_code
      : us
        ? String(place.postalBase + rng.int(0, 30)).padStart(5, '0')
        : `${place.postalBase} ${String(rng.int(10, 99))}`,
    status,
    status_reason:
      status === 'locked'
        ? rng.pick(['suspected_account_takeover', 'identity_check_failed'])
        : status === 'closed'
          ? 'closed_at_customer_request'
          : null,
    credit_limit_minor: us ? rng.int(2, 20) * 25_000 : rng.int(10, 100) * 50_000,
    currency: us ? 'USD' : 'SEK',
    created_at: new Date(createdAt),
    updated_at: new Date(createdAt + Math.floor(rng.float() * (now - createdAt))),
  };
  out.customers.push(row);

  // Payment methods: a default that is valid today, sometimes older or extra ones.
  const year = new Date(now).getUTCFullYear();
  const defaultMethod = makePaymentMethod(rng, row, now, out, {
    kind: rng.chance(us ? 0.1 : 0.15) ? 'bank_account' : 'card',
    isDefault: true,
    expires: [rng.int(1, 12), year + rng.int(1, 4)],
  });
  let expiredCardId: string | null = null;
  const extra = rng.weighted([
    [0, 62],
    [1, 30],
    [2, 8],
  ]);
  for (let i = 0; i < extra; i++) {
    const method = makePaymentMethod(rng, row, now, out, { isDefault: false });
    if (method.status === 'expired') expiredCardId = method.id;
    else if (rng.chance(0.1)) method.status = 'removed';
  }
  if (partner && partner.defaultMethod.kind === 'card' && rng.chance(0.25)) {
    copySharedCard(rng, partner.defaultMethod, row, out);
  }

  const devices = [];
  const deviceCount = rng.weighted([
    [1, 56],
    [2, 34],
    [3, 10],
  ]);
  for (let i = 0; i < deviceCount; i++) devices.push(makeDevice(rng, row, now, out));
  if (partner && rng.chance(0.6)) {
    const shared = partner.devices[0]!;
    linkDevice(row, shared, out);
    devices.push(shared);
  }
  const home = partner ? partner.home : homeIp(rng, country);
  makeLogins(rng, row, devices, home, status === 'closed' ? 1 : rng.int(1, 8), now, out);

  const behaviour: PaymentBehaviour = rng.weighted([
    ['reliable', 80],
    ['wobbly', 15],
    ['struggling', 5],
  ]);
  const ledger: CustomerLedger = {
    rng,
    now,
    customerId: row.id,
    currency: row.currency,
    paymentMethodId: defaultMethod.id,
    expiredCardId,
    behaviour,
    out,
  };
  const orders = Math.min(ORDER_SLOTS_PER_CUSTOMER, rng.weighted(ORDER_COUNTS));
  const mobile = devices.filter((d) => d.platform !== 'web');
  for (let slot = 0; slot < orders; slot++) {
    writeOrder(ledger, randomOrder(rng, index, slot, row, catalog, merchants, mobile, devices, now));
  }
  return { index, row, devices, defaultMethod, home };
}

function randomOrder(
  rng: Random,
  customerIndex: number,
  slot: number,
  customer: CustomerRow,
  catalog: Catalog,
  merchants: WeightedMerchants,
  mobile: readonly { id: string }[],
  devices: readonly { id: string }[],
  now: number,
): OrderSpec {
  const closed = customer.status === 'closed';
  const merchant = rng.weighted(merchants[customer.country]);
  const products = catalog.productsByMerchant.get(merchant.id) ?? [];
  const bigTicket = BIG_TICKET.has(merchant.category);
  const itemCount = bigTicket
    ? rng.chance(0.85)
      ? 1
      : 2
    : rng.weighted([
        [1, 58],
        [2, 29],
        [3, 13],
      ]);
  let items: OrderItemSpec[] = [];
  for (let i = 0; i < itemCount; i++) {
    items.push({ product: rng.pick(products), quantity: rng.chance(0.88) ? 1 : 2 });
  }
  let total = items.reduce((sum, i) => sum + i.product.price_minor * i.quantity, 0);
  if (total > customer.credit_limit_minor) {
    // Over the spending limit: the customer settles for the cheapest item.
    items = [{ product: products[0]!, quantity: 1 }];
    total = products[0]!.price_minor;
  }

  const limits = LIMITS[customer.currency];
  let kind: PlanKind;
  if (total > limits.payIn4Max) kind = 'financing';
  else if (total < limits.payIn4Min) kind = 'pay_in_30';
  else if (total >= limits.financingMin) {
    kind = rng.weighted<PlanKind>([
      ['financing', 30],
      ['pay_in_4', 50],
      ['pay_in_30', total <= limits.payIn30Max ? 20 : 0],
    ]);
  } else {
    kind = rng.chance(0.72) ? 'pay_in_4' : 'pay_in_30';
  }
  if (closed && kind === 'financing') kind = 'pay_in_4';
  let termMonths: number | undefined;
  let aprBps: number | undefined;
  if (kind === 'financing') {
    termMonths = rng.weighted([
      [6, 40],
      [12, 40],
      [24, 20],
    ]);
    aprBps =
      termMonths === 6
        ? rng.weighted([
            [0, 60],
            [999, 25],
            [1499, 15],
          ])
        : termMonths === 12
          ? rng.pick([0, 1499, 1999, 2499])
          : rng.pick([1999, 2499, 2999]);
  }

  // Recent purchases are more common than old ones; closed accounts only have old, settled ones.
  const created = customer.created_at.getTime() + HOUR_MS;
  const latest = closed ? now - 200 * DAY_MS : now - 10 * MINUTE_MS;
  const earliest = Math.min(latest - HOUR_MS, Math.max(created, now - 540 * DAY_MS));
  const placedAt = Math.floor(latest - (latest - earliest) * rng.float() ** 1.6);

  const storyKind = closed ? 'normal' : rng.weighted(STORIES);
  const story: OrderStory =
    storyKind === 'dispute'
      ? rng.weighted(DISPUTE_REASONS)
      : storyKind === 'full_refund'
        ? { kind: 'full_refund', withReturn: rng.chance(0.75) }
        : { kind: storyKind };

  const channel = rng.weighted<OrderSpec['channel']>([
    ['online', 50],
    ['app', 40],
    ['in_store', 10],
  ]);
  const pool = channel === 'online' || mobile.length === 0 ? devices : mobile;
  const deviceId = channel === 'in_store' && rng.chance(0.5) ? null : pool.length ? rng.pick(pool).id : null;
  return {
    customerIndex,
    slot,
    merchant,
    items,
    placedAt,
    kind,
    ...(termMonths !== undefined ? { termMonths } : {}),
    ...(aprBps !== undefined ? { aprBps } : {}),
    channel,
    deviceId,
    story,
    postpone: kind !== 'financing' && rng.chance(0.04),
    onTime: closed,
  };
}
