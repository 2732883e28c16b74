import type { Insertable, Selectable } from 'kysely';
import type {
  Country,
  Currency,
  CustomerStatus,
  DB,
  DisputeReason,
  DisputeStatus,
  InstallmentStatus,
  OrderStatus,
  PaymentStatus,
  PlanKind,
  PlanStatus,
  RefundStatus,
  ReturnStatus,
} from '../platform/db/schema.js';

/*
 * Plain rows with every column spelled out, so the loader can write COPY text without
 * relying on database defaults and the generator cannot forget a column.
 */

export interface MerchantRow {
  id: string;
  name: string;
  category: string;
  country: string;
  website: string | null;
  status: 'active' | 'suspended';
  created_at: Date;
}

export interface ProductRow {
  id: string;
  merchant_id: string;
  sku: string;
  name: string;
  category: string;
  price_minor: number;
  currency: Currency;
  created_at: Date;
}

export interface CustomerRow {
  id: string;
  given_name: string;
  family_name: string;
  email: string;
  phone: string | null;
  country: Country;
  locale: string;
  date_of_birth: string | null;
  address_line: string | null;
  city: string | null;
  postal_code: string | null;
  status: CustomerStatus;
  status_reason: string | null;
  credit_limit_minor: number;
  currency: Currency;
  created_at: Date;
  updated_at: Date;
}

export interface PaymentMethodRow {
  id: string;
  customer_id: string;
  kind: 'card' | 'bank_account';
  brand: string;
  last4: string;
  exp_month: number | null;
  exp_year: number | null;
  fingerprint: string;
  is_default: boolean;
  status: 'active' | 'removed' | 'expired';
  created_at: Date;
}

export interface DeviceRow {
  id: string;
  fingerprint: string;
  platform: 'ios' | 'android' | 'web';
  user_agent: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
}

export interface CustomerDeviceRow {
  customer_id: string;
  device_id: string;
  first_seen_at: Date;
  last_seen_at: Date;
}

export interface LoginRow {
  id: string;
  customer_id: string;
  device_id: string | null;
  ip: string | null;
  country: string | null;
  success: boolean;
  occurred_at: Date;
}

export interface OrderRow {
  id: string;
  reference: string;
  customer_id: string;
  merchant_id: string;
  status: OrderStatus;
  total_minor: number;
  currency: Currency;
  channel: 'online' | 'in_store' | 'app';
  device_id: string | null;
  placed_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface OrderItemRow {
  id: string;
  order_id: string;
  product_id: string | null;
  description: string;
  quantity: number;
  unit_price_minor: number;
  total_minor: number;
}

export interface PaymentPlanRow {
  id: string;
  order_id: string;
  customer_id: string;
  kind: PlanKind;
  status: PlanStatus;
  principal_minor: number;
  currency: Currency;
  apr_bps: number;
  term_months: number | null;
  installment_count: number;
  payment_method_id: string | null;
  paused_reason: string | null;
  postponements_used: number;
  created_at: Date;
  updated_at: Date;
}

export interface InstallmentRow {
  id: string;
  plan_id: string;
  seq: number;
  due_date: string;
  amount_minor: number;
  paid_minor: number;
  status: InstallmentStatus;
  paid_at: Date | null;
}

export interface PaymentRow {
  id: string;
  plan_id: string;
  installment_id: string | null;
  customer_id: string;
  payment_method_id: string | null;
  amount_minor: number;
  currency: Currency;
  status: PaymentStatus;
  failure_code: string | null;
  failure_reason: string | null;
  idempotency_key: string | null;
  attempted_at: Date;
}

export interface LateFeeRow {
  id: string;
  installment_id: string;
  plan_id: string;
  customer_id: string;
  amount_minor: number;
  currency: Currency;
  status: 'charged' | 'paid' | 'waived';
  waived_reason: string | null;
  assessed_at: Date;
}

export interface ReturnRow {
  id: string;
  order_id: string;
  customer_id: string;
  status: ReturnStatus;
  reason: string;
  tracking_number: string | null;
  requested_at: Date;
  updated_at: Date;
}

export interface RefundRow {
  id: string;
  order_id: string;
  return_id: string | null;
  customer_id: string;
  amount_minor: number;
  currency: Currency;
  status: RefundStatus;
  reason: string;
  created_at: Date;
  processed_at: Date | null;
}

export interface DisputeRow {
  id: string;
  order_id: string;
  customer_id: string;
  reason: DisputeReason;
  status: DisputeStatus;
  amount_minor: number;
  currency: Currency;
  description: string | null;
  opened_at: Date;
  resolved_at: Date | null;
}

/** Rows for every table the generator fills, in one batch. */
export interface SeedRows {
  merchants: MerchantRow[];
  products: ProductRow[];
  customers: CustomerRow[];
  payment_methods: PaymentMethodRow[];
  devices: DeviceRow[];
  customer_devices: CustomerDeviceRow[];
  logins: LoginRow[];
  orders: OrderRow[];
  order_items: OrderItemRow[];
  payment_plans: PaymentPlanRow[];
  installments: InstallmentRow[];
  payments: PaymentRow[];
  late_fees: LateFeeRow[];
  returns: ReturnRow[];
  refunds: RefundRow[];
  disputes: DisputeRow[];
}

export type SeedTable = keyof SeedRows;

/** Parents before children, so foreign keys hold at every step of a load. */
export const SEED_TABLES: readonly SeedTable[] = [
  'merchants',
  'products',
  'customers',
  'payment_methods',
  'devices',
  'customer_devices',
  'logins',
  'orders',
  'order_items',
  'payment_plans',
  'installments',
  'payments',
  'late_fees',
  'returns',
  'refunds',
  'disputes',
];

export function emptySeedRows(): SeedRows {
  return {
    merchants: [],
    products: [],
    customers: [],
    payment_methods: [],
    devices: [],
    customer_devices: [],
    logins: [],
    orders: [],
    order_items: [],
    payment_plans: [],
    installments: [],
    payments: [],
    late_fees: [],
    returns: [],
    refunds: [],
    disputes: [],
  };
}

/** Lists every key of T in the order written; a missing or extra key is a compile error. */
const allKeys = <T>(record: { [K in keyof T]-?: true }): (keyof T & string)[] =>
  Object.keys(record) as (keyof T & string)[];

/** Column order used for COPY and multi-row INSERT. */
export const SEED_COLUMNS: { [T in SeedTable]: readonly string[] } = {
  merchants: allKeys<MerchantRow>({
    id: true,
    name: true,
    category: true,
    country: true,
    website: true,
    status: true,
    created_at: true,
  }),
  products: allKeys<ProductRow>({
    id: true,
    merchant_id: true,
    sku: true,
    name: true,
    category: true,
    price_minor: true,
    currency: true,
    created_at: true,
  }),
  customers: allKeys<CustomerRow>({
    id: true,
    given_name: true,
    family_name: true,
    email: true,
    phone: true,
    country: true,
    locale: true,
    date_of_birth: true,
    address_line: true,
    city: true,
    postal_code: true,
    status: true,
    status_reason: true,
    credit_limit_minor: true,
    currency: true,
    created_at: true,
    updated_at: true,
  }),
  payment_methods: allKeys<PaymentMethodRow>({
    id: true,
    customer_id: true,
    kind: true,
    brand: true,
    last4: true,
    exp_month: true,
    exp_year: true,
    fingerprint: true,
    is_default: true,
    status: true,
    created_at: true,
  }),
  devices: allKeys<DeviceRow>({
    id: true,
    fingerprint: true,
    platform: true,
    user_agent: true,
    first_seen_at: true,
    last_seen_at: true,
  }),
  customer_devices: allKeys<CustomerDeviceRow>({
    customer_id: true,
    device_id: true,
    first_seen_at: true,
    last_seen_at: true,
  }),
  logins: allKeys<LoginRow>({
    id: true,
    customer_id: true,
    device_id: true,
    ip: true,
    country: true,
    success: true,
    occurred_at: true,
  }),
  orders: allKeys<OrderRow>({
    id: true,
    reference: true,
    customer_id: true,
    merchant_id: true,
    status: true,
    total_minor: true,
    currency: true,
    channel: true,
    device_id: true,
    placed_at: true,
    created_at: true,
    updated_at: true,
  }),
  order_items: allKeys<OrderItemRow>({
    id: true,
    order_id: true,
    product_id: true,
    description: true,
    quantity: true,
    unit_price_minor: true,
    total_minor: true,
  }),
  payment_plans: allKeys<PaymentPlanRow>({
    id: true,
    order_id: true,
    customer_id: true,
    kind: true,
    status: true,
    principal_minor: true,
    currency: true,
    apr_bps: true,
    term_months: true,
    installment_count: true,
    payment_method_id: true,
    paused_reason: true,
    postponements_used: true,
    created_at: true,
    updated_at: true,
  }),
  installments: allKeys<InstallmentRow>({
    id: true,
    plan_id: true,
    seq: true,
    due_date: true,
    amount_minor: true,
    paid_minor: true,
    status: true,
    paid_at: true,
  }),
  payments: allKeys<PaymentRow>({
    id: true,
    plan_id: true,
    installment_id: true,
    customer_id: true,
    payment_method_id: true,
    amount_minor: true,
    currency: true,
    status: true,
    failure_code: true,
    failure_reason: true,
    idempotency_key: true,
    attempted_at: true,
  }),
  late_fees: allKeys<LateFeeRow>({
    id: true,
    installment_id: true,
    plan_id: true,
    customer_id: true,
    amount_minor: true,
    currency: true,
    status: true,
    waived_reason: true,
    assessed_at: true,
  }),
  returns: allKeys<ReturnRow>({
    id: true,
    order_id: true,
    customer_id: true,
    status: true,
    reason: true,
    tracking_number: true,
    requested_at: true,
    updated_at: true,
  }),
  refunds: allKeys<RefundRow>({
    id: true,
    order_id: true,
    return_id: true,
    customer_id: true,
    amount_minor: true,
    currency: true,
    status: true,
    reason: true,
    created_at: true,
    processed_at: true,
  }),
  disputes: allKeys<DisputeRow>({
    id: true,
    order_id: true,
    customer_id: true,
    reason: true,
    status: true,
    amount_minor: true,
    currency: true,
    description: true,
    opened_at: true,
    resolved_at: true,
  }),
};

/*
 * Compile-time guards: each row type has exactly the table's columns and is insertable.
 * If the schema gains a column, these fail and point here.
 */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;
type Assert<T extends true> = T;
type Insertable2<R, T> = R extends Insertable<T> ? true : false;
type Matches<R, T> = SameKeys<R, Selectable<T>> extends true ? Insertable2<R, T> : false;

export type RowTypesMatchSchema = [
  Assert<Matches<MerchantRow, DB['merchants']>>,
  Assert<Matches<ProductRow, DB['products']>>,
  Assert<Matches<CustomerRow, DB['customers']>>,
  Assert<Matches<PaymentMethodRow, DB['payment_methods']>>,
  Assert<Matches<DeviceRow, DB['devices']>>,
  Assert<Matches<CustomerDeviceRow, DB['customer_devices']>>,
  Assert<Matches<LoginRow, DB['logins']>>,
  Assert<Matches<OrderRow, DB['orders']>>,
  Assert<Matches<OrderItemRow, DB['order_items']>>,
  Assert<Matches<PaymentPlanRow, DB['payment_plans']>>,
  Assert<Matches<InstallmentRow, DB['installments']>>,
  Assert<Matches<PaymentRow, DB['payments']>>,
  Assert<Matches<LateFeeRow, DB['late_fees']>>,
  Assert<Matches<ReturnRow, DB['returns']>>,
  Assert<Matches<RefundRow, DB['refunds']>>,
  Assert<Matches<DisputeRow, DB['disputes']>>,
];
