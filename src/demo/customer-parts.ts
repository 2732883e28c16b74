import type { Country } from '../platform/db/schema.js';
import type { Random, WeightedEntries } from './random.js';
import type { CustomerRow, DeviceRow, LoginRow, PaymentMethodRow, SeedRows } from './rows.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.js';

/** Building blocks shared by random and scripted customers: devices, cards, logins. */

export type Platform = DeviceRow['platform'];

const APP_VERSIONS = ['5.14.0', '5.14.2', '5.15.0', '5.15.1', '5.16.0'];
const IOS_MODELS = ['iPhone14,5', 'iPhone15,2', 'iPhone15,4', 'iPhone16,1', 'iPhone17,3', 'iPhone13,2'];
const IOS_VERSIONS = ['16.7', '17.5', '17.6', '18.1', '18.3'];
const ANDROID_MODELS = ['Pixel 7', 'Pixel 8a', 'SM-S911B', 'SM-A546B', 'SM-G991B', 'moto g84', 'CPH2581'];
const ANDROID_VERSIONS = ['12', '13', '14', '15'];
const WEB_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36 Edg/125.0',
];

const PLATFORMS: Record<Country, WeightedEntries<Platform>> = {
  US: [
    ['ios', 48],
    ['android', 34],
    ['web', 18],
  ],
  SE: [
    ['ios', 52],
    ['android', 33],
    ['web', 15],
  ],
};

export function userAgent(rng: Random, platform: Platform, locale: string): string {
  const app = `TandemPay/${rng.pick(APP_VERSIONS)}`;
  if (platform === 'ios') return `${app} (${rng.pick(IOS_MODELS)}; iOS ${rng.pick(IOS_VERSIONS)}; ${locale})`;
  if (platform === 'android') {
    return `${app} (Linux; Android ${rng.pick(ANDROID_VERSIONS)}; ${rng.pick(ANDROID_MODELS)}; ${locale})`;
  }
  return rng.pick(WEB_AGENTS);
}

export function makeDevice(
  rng: Random,
  customer: CustomerRow,
  now: number,
  out: SeedRows,
  platform: Platform = rng.weighted(PLATFORMS[customer.country]),
): DeviceRow {
  const created = customer.created_at.getTime();
  const first = created + Math.floor(rng.float() * Math.max(HOUR_MS, (now - created) * 0.5));
  const last = Math.max(first, now - rng.int(10, 60 * 24 * 20) * MINUTE_MS);
  const device: DeviceRow = {
    id: rng.uuid(),
    fingerprint: `dev_${rng.hex(32)}`,
    platform,
    user_agent: userAgent(rng, platform, customer.locale),
    first_seen_at: new Date(first),
    last_seen_at: new Date(last),
  };
  out.devices.push(device);
  linkDevice(customer, device, out);
  return device;
}

export function linkDevice(customer: CustomerRow, device: DeviceRow, out: SeedRows): void {
  out.customer_devices.push({
    customer_id: customer.id,
    device_id: device.id,
    first_seen_at: device.first_seen_at,
    last_seen_at: device.last_seen_at,
  });
}

const CARD_BRANDS: Record<Country, WeightedEntries<string>> = {
  US: [
    ['visa', 50],
    ['mastercard', 34],
    ['amex', 11],
    ['discover', 5],
  ],
  SE: [
    ['visa', 56],
    ['mastercard', 44],
  ],
};
const BANKS: Record<Country, readonly string[]> = {
  US: ['Chase', 'Bank of America', 'Wells Fargo', 'Citibank', 'Capital One', 'US Bank'],
  SE: ['Swedbank', 'Handelsbanken', 'SEB', 'Nordea', 'Länsförsäkringar', 'ICA Banken'],
};

export interface CardOptions {
  kind?: PaymentMethodRow['kind'];
  isDefault: boolean;
  /** Expiry as [month, year]; otherwise random, one to five years after the card was added. */
  expires?: readonly [number, number];
  createdAt?: number;
}

/** A tokenised payment method: brand, last four digits and a fingerprint, never a card number. */
export function makePaymentMethod(
  rng: Random,
  customer: CustomerRow,
  now: number,
  out: SeedRows,
  options: CardOptions,
): PaymentMethodRow {
  const kind = options.kind ?? (rng.chance(customer.country === 'SE' ? 0.2 : 0.12) ? 'bank_account' : 'card');
  const created = customer.created_at.getTime();
  const createdAt =
    options.createdAt ?? created + Math.floor(rng.float() * Math.max(HOUR_MS, now - created) * 0.6);
  let expMonth: number | null = null;
  let expYear: number | null = null;
  let status: PaymentMethodRow['status'] = 'active';
  if (kind === 'card') {
    if (options.expires) [expMonth, expYear] = options.expires;
    else {
      const added = new Date(createdAt);
      expMonth = rng.int(1, 12);
      expYear = added.getUTCFullYear() + rng.int(1, 5);
    }
    const current = new Date(now);
    if (expYear * 12 + expMonth < current.getUTCFullYear() * 12 + current.getUTCMonth() + 1)
      status = 'expired';
  }
  const method: PaymentMethodRow = {
    id: rng.uuid(),
    customer_id: customer.id,
    kind,
    brand: kind === 'card' ? rng.weighted(CARD_BRANDS[customer.country]) : rng.pick(BANKS[customer.country]),
    last4: rng.digits(4),
    exp_month: expMonth,
    exp_year: expYear,
    fingerprint: `pmfp_${rng.hex(24)}`,
    is_default: options.isDefault && status === 'active',
    status,
    created_at: new Date(createdAt),
  };
  out.payment_methods.push(method);
  return method;
}

/** A card the next customer also has on file (a family card): same brand, last4 and fingerprint. */
export function copySharedCard(rng: Random, shared: PaymentMethodRow, customer: CustomerRow, out: SeedRows) {
  const method: PaymentMethodRow = {
    ...shared,
    id: rng.uuid(),
    customer_id: customer.id,
    is_default: false,
    created_at: new Date(Math.max(shared.created_at.getTime(), customer.created_at.getTime()) + DAY_MS),
  };
  out.payment_methods.push(method);
  return method;
}

const HOME_PREFIXES: Record<Country, readonly number[]> = {
  US: [24, 47, 67, 68, 71, 73, 76, 98, 99, 108, 173, 174],
  SE: [78, 81, 83, 85, 90, 94, 155, 185, 213],
};
const MOBILE_PREFIXES: Record<Country, readonly number[]> = {
  US: [166, 172, 174, 107],
  SE: [31, 46, 90, 176],
};
const ABROAD: readonly string[] = ['ES', 'DE', 'GB', 'FR', 'IT', 'DK', 'NO', 'PT', 'GR', 'MX', 'CA', 'TH'];

export function ipAddress(rng: Random, prefixes: readonly number[]): string {
  return `${rng.pick(prefixes)}.${rng.int(1, 254)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

export const homeIp = (rng: Random, country: Country): string => ipAddress(rng, HOME_PREFIXES[country]);

/** Sign-ins over the last 90 days: mostly from the home connection, a few failures and trips abroad. */
export function makeLogins(
  rng: Random,
  customer: CustomerRow,
  devices: readonly DeviceRow[],
  home: string,
  count: number,
  now: number,
  out: SeedRows,
): void {
  const from = Math.max(customer.created_at.getTime(), now - 90 * DAY_MS);
  for (let i = 0; i < count; i++) {
    const device = devices.length > 0 ? rng.pick(devices) : null;
    const abroad = rng.chance(0.03);
    const at = from + Math.floor(rng.float() * (now - from));
    const failedFirst = rng.chance(0.08);
    const ip = abroad
      ? ipAddress(rng, [2, 5, 31, 37, 46, 62, 77, 80, 91, 109, 185])
      : device?.platform === 'web' || rng.chance(0.6)
        ? home
        : ipAddress(rng, MOBILE_PREFIXES[customer.country]);
    const country = abroad ? rng.pick(ABROAD) : customer.country;
    if (failedFirst) {
      // A mistyped password, then the successful attempt a minute later.
      out.logins.push({
        id: rng.uuid(),
        customer_id: customer.id,
        device_id: device?.id ?? null,
        ip,
        country,
        success: false,
        occurred_at: new Date(at - rng.int(20, 120) * 1000),
      });
    }
    const login: LoginRow = {
      id: rng.uuid(),
      customer_id: customer.id,
      device_id: device?.id ?? null,
      ip,
      country,
      success: true,
      occurred_at: new Date(at),
    };
    out.logins.push(login);
  }
}
