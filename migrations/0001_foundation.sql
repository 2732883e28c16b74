-- Tandem system of record: BNPL domain, identity, audit, jobs.
-- Money is stored in minor units (bigint) with an ISO currency code; never floats.

create table customers (
  id uuid primary key,
  given_name text not null,
  family_name text not null,
  email text not null,
  phone text,
  country text not null check (country in ('US', 'SE')),
  locale text not null,
  date_of_birth date,
  address_line text,
  city text,
  postal_code text,
  status text not null default 'active' check (status in ('active', 'locked', 'closed')),
  status_reason text,
  credit_limit_minor bigint not null check (credit_limit_minor >= 0),
  currency text not null check (currency in ('USD', 'SEK')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index customers_email_key on customers (lower(email));

create table payment_methods (
  id uuid primary key,
  customer_id uuid not null references customers (id),
  kind text not null check (kind in ('card', 'bank_account')),
  brand text not null,
  last4 text not null check (last4 ~ '^[0-9]{4}$'),
  exp_month int check (exp_month between 1 and 12),
  exp_year int,
  fingerprint text not null,
  is_default boolean not null default false,
  status text not null default 'active' check (status in ('active', 'removed', 'expired')),
  created_at timestamptz not null default now()
);
create index payment_methods_customer_idx on payment_methods (customer_id);
create index payment_methods_fingerprint_idx on payment_methods (fingerprint);

create table merchants (
  id uuid primary key,
  name text not null,
  category text not null,
  country text not null,
  website text,
  status text not null default 'active' check (status in ('active', 'suspended')),
  created_at timestamptz not null default now()
);

create table products (
  id uuid primary key,
  merchant_id uuid not null references merchants (id),
  sku text not null,
  name text not null,
  category text not null,
  price_minor bigint not null check (price_minor > 0),
  currency text not null,
  created_at timestamptz not null default now(),
  unique (merchant_id, sku)
);

create table devices (
  id uuid primary key,
  fingerprint text not null unique,
  platform text not null check (platform in ('ios', 'android', 'web')),
  user_agent text,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);

create table customer_devices (
  customer_id uuid not null references customers (id),
  device_id uuid not null references devices (id),
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (customer_id, device_id)
);
create index customer_devices_device_idx on customer_devices (device_id);

create table logins (
  id uuid primary key,
  customer_id uuid not null references customers (id),
  device_id uuid references devices (id),
  ip text,
  country text,
  success boolean not null,
  occurred_at timestamptz not null default now()
);
create index logins_customer_idx on logins (customer_id, occurred_at desc);

create table orders (
  id uuid primary key,
  reference text not null unique,
  customer_id uuid not null references customers (id),
  merchant_id uuid not null references merchants (id),
  status text not null check (status in ('active', 'completed', 'cancelled', 'refunded', 'partially_refunded')),
  total_minor bigint not null check (total_minor > 0),
  currency text not null,
  channel text not null check (channel in ('online', 'in_store', 'app')),
  device_id uuid references devices (id),
  placed_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index orders_customer_idx on orders (customer_id, placed_at desc);
create index orders_merchant_idx on orders (merchant_id);

create table order_items (
  id uuid primary key,
  order_id uuid not null references orders (id),
  product_id uuid references products (id),
  description text not null,
  quantity int not null check (quantity > 0),
  unit_price_minor bigint not null check (unit_price_minor >= 0),
  total_minor bigint not null check (total_minor >= 0)
);
create index order_items_order_idx on order_items (order_id);

create table payment_plans (
  id uuid primary key,
  order_id uuid not null unique references orders (id),
  customer_id uuid not null references customers (id),
  kind text not null check (kind in ('pay_in_4', 'pay_in_30', 'financing')),
  status text not null check (status in ('active', 'paused', 'completed', 'cancelled', 'defaulted')),
  principal_minor bigint not null check (principal_minor > 0),
  currency text not null,
  apr_bps int not null default 0 check (apr_bps >= 0),
  term_months int,
  installment_count int not null check (installment_count > 0),
  payment_method_id uuid references payment_methods (id),
  paused_reason text,
  postponements_used int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index payment_plans_customer_idx on payment_plans (customer_id);

create table installments (
  id uuid primary key,
  plan_id uuid not null references payment_plans (id),
  seq int not null check (seq > 0),
  due_date date not null,
  amount_minor bigint not null check (amount_minor >= 0),
  paid_minor bigint not null default 0 check (paid_minor >= 0),
  status text not null check (status in ('scheduled', 'paid', 'late', 'failed', 'paused', 'cancelled', 'waived')),
  paid_at timestamptz,
  unique (plan_id, seq)
);
create index installments_due_idx on installments (status, due_date);

create table payments (
  id uuid primary key,
  plan_id uuid not null references payment_plans (id),
  installment_id uuid references installments (id),
  customer_id uuid not null references customers (id),
  payment_method_id uuid references payment_methods (id),
  amount_minor bigint not null check (amount_minor > 0),
  currency text not null,
  status text not null check (status in ('succeeded', 'failed', 'pending', 'refunded')),
  failure_code text,
  failure_reason text,
  idempotency_key text unique,
  attempted_at timestamptz not null default now()
);
create index payments_plan_idx on payments (plan_id);
create index payments_customer_idx on payments (customer_id, attempted_at desc);

create table late_fees (
  id uuid primary key,
  installment_id uuid not null references installments (id),
  plan_id uuid not null references payment_plans (id),
  customer_id uuid not null references customers (id),
  amount_minor bigint not null check (amount_minor > 0),
  currency text not null,
  status text not null check (status in ('charged', 'paid', 'waived')),
  waived_reason text,
  assessed_at timestamptz not null default now()
);
create index late_fees_plan_idx on late_fees (plan_id);

create table returns (
  id uuid primary key,
  order_id uuid not null references orders (id),
  customer_id uuid not null references customers (id),
  status text not null check (status in ('requested', 'in_transit', 'received', 'rejected')),
  reason text not null,
  tracking_number text,
  requested_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index returns_order_idx on returns (order_id);

create table refunds (
  id uuid primary key,
  order_id uuid not null references orders (id),
  return_id uuid references returns (id),
  customer_id uuid not null references customers (id),
  amount_minor bigint not null check (amount_minor > 0),
  currency text not null,
  status text not null check (status in ('pending', 'processed', 'failed')),
  reason text not null,
  created_at timestamptz not null default now(),
  processed_at timestamptz
);
create index refunds_order_idx on refunds (order_id);

create table disputes (
  id uuid primary key,
  order_id uuid not null references orders (id),
  customer_id uuid not null references customers (id),
  reason text not null check (reason in ('item_not_received', 'not_as_described', 'unrecognized', 'duplicate', 'cancelled_order', 'other')),
  status text not null check (status in ('open', 'under_review', 'resolved_customer', 'resolved_merchant', 'withdrawn')),
  amount_minor bigint not null check (amount_minor > 0),
  currency text not null,
  description text,
  opened_at timestamptz not null default now(),
  resolved_at timestamptz
);
create index disputes_order_idx on disputes (order_id);
create index disputes_status_idx on disputes (status);

create table kb_articles (
  id uuid primary key,
  slug text not null,
  locale text not null,
  title text not null,
  body_markdown text not null,
  tags text[] not null default '{}',
  updated_at timestamptz not null default now(),
  unique (slug, locale)
);

create table staff_users (
  id uuid primary key,
  email text not null,
  name text not null,
  password_hash text not null,
  roles text[] not null,
  status text not null default 'active' check (status in ('active', 'disabled')),
  failed_login_count int not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index staff_users_email_key on staff_users (lower(email));

create table staff_sessions (
  id text primary key, -- sha256 of the cookie value; the raw token is never stored
  staff_user_id uuid not null references staff_users (id),
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index staff_sessions_user_idx on staff_sessions (staff_user_id);

create table login_attempts (
  id bigserial primary key,
  email_hash text not null,
  ip text,
  success boolean not null,
  attempted_at timestamptz not null default now()
);
create index login_attempts_ip_idx on login_attempts (ip, attempted_at);
create index login_attempts_email_idx on login_attempts (email_hash, attempted_at);

create table api_keys (
  id uuid primary key,
  name text not null,
  prefix text not null unique,
  secret_hash text not null,
  scopes text[] not null,
  created_by uuid references staff_users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table audit_log (
  id bigserial primary key,
  actor_type text not null check (actor_type in ('staff', 'customer', 'api_key', 'system', 'ai')),
  actor_id text,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  reason text,
  request_id text,
  occurred_at timestamptz not null default now()
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, occurred_at desc);
create index audit_log_occurred_idx on audit_log (occurred_at desc);

create table jobs (
  id bigserial primary key,
  queue text not null,
  payload jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts int not null default 0,
  max_attempts int not null default 5,
  run_at timestamptz not null default now(),
  locked_by text,
  locked_at timestamptz,
  last_error text,
  dedupe_key text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_ready_idx on jobs (queue, run_at) where status = 'queued';
create unique index jobs_dedupe_key on jobs (queue, dedupe_key) where dedupe_key is not null and status in ('queued', 'running');

create table app_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

-- Live events too large for a NOTIFY payload (8000 bytes) are parked here and sent by id.
create table live_event_payloads (
  id bigserial primary key,
  event jsonb not null,
  created_at timestamptz not null default now()
);
