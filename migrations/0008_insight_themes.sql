-- Insights: themes over feedback items, their review, routing to owning teams, decisions and
-- follow-ups. See src/insights/README.md.

-- Owning teams, seeded from config/insights-teams.json (or INSIGHTS_TEAMS_FILE) at start.
create table insight_teams (
  id text primary key,
  name text not null,
  product_areas text[] not null default '{}',
  webhook_url text,
  -- HMAC key for X-Tandem-Signature; never returned by the API.
  webhook_secret text,
  slack_webhook_url text,
  -- {"kind": "github"|"jira"|"linear", ...}: where validated insights become issues.
  tracker jsonb,
  updated_at timestamptz not null default now()
);

create table insight_themes (
  id uuid primary key,
  label text not null,
  summary text,
  status text not null default 'draft' check (status in ('draft', 'validated', 'rejected', 'merged')),
  product_area text,
  -- {"en": 3, "sv": 1}: item languages.
  language_mix jsonb not null default '{}',
  item_count int not null default 0,
  first_feedback_at timestamptz,
  last_feedback_at timestamptz,
  -- The engine's theme number inside the persisted model (null for a split-off theme).
  model_theme_id int,
  merged_into uuid references insight_themes (id),
  validated_by uuid references staff_users (id),
  validated_at timestamptz,
  rejected_reason text,
  team_id text references insight_teams (id),
  decision text check (decision in ('planned', 'wont_do', 'needs_research', 'shipped')),
  decision_note text,
  decided_by uuid references staff_users (id),
  decided_at timestamptz,
  -- When the 20-hour SLA warning was published (once per theme).
  sla_warned_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index insight_themes_status_idx on insight_themes (status, last_feedback_at desc);
create unique index insight_themes_model_idx on insight_themes (model_theme_id) where model_theme_id is not null;

alter table feedback_items
  add constraint feedback_items_theme_fk foreign key (theme_id) references insight_themes (id) on delete set null;

-- The themes engine's state: one row, optimistic lock on version. The text space (vocabulary, LSA
-- projection; megabytes) is written once per fit and cached by space_id; the centroids (small) with
-- every batch. Both are JSON from serializeThemeModel, kept as text (never queried inside).
create table insight_theme_model (
  id int primary key check (id = 1),
  version int not null,
  space_id uuid not null,
  space text not null,
  themes text not null,
  next_id int not null,
  updated_at timestamptz not null default now()
);

create table insight_deliveries (
  id uuid primary key,
  theme_id uuid not null references insight_themes (id),
  team_id text not null references insight_teams (id),
  channel text not null check (channel in ('webhook', 'slack', 'github', 'jira', 'linear')),
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts int not null default 0,
  last_error text,
  response_status int,
  -- Issue URL or key returned by a tracker.
  external_ref text,
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);
create index insight_deliveries_theme_idx on insight_deliveries (theme_id);

create table insight_decisions (
  id uuid primary key,
  theme_id uuid not null references insight_themes (id),
  decision text not null check (decision in ('planned', 'wont_do', 'needs_research', 'shipped')),
  note text not null,
  decided_by uuid references staff_users (id),
  decided_at timestamptz not null
);
create index insight_decisions_theme_idx on insight_decisions (theme_id, decided_at);

-- One row per person to tell when what they raised shipped (the outbox; see decisions/README.md).
create table insight_follow_ups (
  id uuid primary key,
  theme_id uuid not null references insight_themes (id),
  feedback_item_id uuid not null references feedback_items (id),
  customer_id uuid references customers (id) on delete set null,
  hotline_call_id uuid,
  channel text not null check (channel in ('conversation', 'hotline_caller')),
  status text not null default 'pending' check (status in ('pending', 'sent')),
  message text not null,
  conversation_id uuid,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create unique index insight_follow_ups_once_idx on insight_follow_ups (theme_id, feedback_item_id);
