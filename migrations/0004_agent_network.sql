-- The on-demand agent network and the human side of a conversation: agents (staff with a
-- profile, approved by a supervisor), their presence, offers of waiting conversations
-- (dispatched like rides), what they earn, internal notes, ratings and handoff summaries.

create table agents (
  id uuid primary key,
  staff_user_id uuid not null unique references staff_users (id),
  display_name text not null,
  -- Language codes the agent can serve in (en, sv, de, fr, es, it, nl, vi).
  languages text[] not null check (cardinality(languages) > 0),
  -- Topics beyond general help: disputes, hardship, fraud, complaints.
  skills text[] not null default '{}',
  certification text not null default 'trainee' check (certification in ('trainee', 'certified', 'senior')),
  status text not null default 'pending' check (status in ('pending', 'approved', 'suspended')),
  max_concurrent int not null default 3 check (max_concurrent between 1 and 10),
  approved_by uuid references staff_users (id),
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table agent_presence (
  agent_id uuid primary key references agents (id) on delete cascade,
  online boolean not null default false,
  -- Online means a heartbeat within the presence timeout; a silent agent is offline.
  last_heartbeat_at timestamptz,
  online_since timestamptz,
  -- Longest idle first: when the agent last took or finished a conversation.
  last_assigned_at timestamptz
);
create index agent_presence_online_idx on agent_presence (last_heartbeat_at) where online;

alter table conversations
  add column queue text,
  add column priority text check (priority in ('normal', 'high', 'urgent')),
  -- Skills an agent must have to take it (language is matched separately).
  add column required_skills text[] not null default '{}',
  add column waiting_since timestamptz,
  add column assigned_agent_id uuid references agents (id),
  add column assigned_at timestamptz,
  add column first_human_reply_at timestamptz,
  -- Built when the conversation is handed over: who, what, what the AI did, sentiment, next step.
  add column handoff_summary jsonb,
  add column resolution_code text,
  -- The customer asked to be contacted when an agent is free instead of waiting.
  add column callback_requested_at timestamptz;
create index conversations_waiting_idx on conversations (waiting_since) where status = 'waiting_for_human';
create index conversations_assigned_idx on conversations (assigned_agent_id) where status = 'with_human';

-- Which agent wrote an agent message (null for customer, assistant and system messages).
alter table conversation_messages add column agent_id uuid references agents (id);

create table dispatch_offers (
  id uuid primary key,
  conversation_id uuid not null references conversations (id) on delete cascade,
  agent_id uuid not null references agents (id),
  status text not null default 'pending'
    check (status in ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
  offered_at timestamptz not null,
  expires_at timestamptz not null,
  answered_at timestamptz,
  decline_reason text
);
-- Never offered to two agents at once, and one open offer per agent: enforced by the database,
-- so it holds with any number of server processes.
create unique index dispatch_offers_one_pending_per_conversation
  on dispatch_offers (conversation_id) where status = 'pending';
create unique index dispatch_offers_one_pending_per_agent
  on dispatch_offers (agent_id) where status = 'pending';
create index dispatch_offers_expiry_idx on dispatch_offers (expires_at) where status = 'pending';
create index dispatch_offers_conversation_idx on dispatch_offers (conversation_id, offered_at);

-- What agents earn: one row per handled conversation, incentive or adjustment (a ledger, never updated).
create table agent_earnings (
  id uuid primary key,
  agent_id uuid not null references agents (id),
  conversation_id uuid references conversations (id) on delete set null,
  kind text not null check (kind in ('conversation', 'incentive', 'adjustment')),
  amount_minor bigint not null,
  currency text not null,
  created_at timestamptz not null default now()
);
create index agent_earnings_agent_idx on agent_earnings (agent_id, created_at desc);
-- One payment per handled conversation and agent.
create unique index agent_earnings_conversation_key on agent_earnings (agent_id, conversation_id, kind)
  where conversation_id is not null;

-- Offline agents told about demand (waits above target), with the incentive offered.
create table demand_notifications (
  id uuid primary key,
  agent_id uuid not null references agents (id),
  skill text,
  language text,
  incentive_minor bigint not null default 0,
  currency text not null,
  created_at timestamptz not null default now()
);
create index demand_notifications_agent_idx on demand_notifications (agent_id, created_at desc);

create table conversation_notes (
  id uuid primary key,
  conversation_id uuid not null references conversations (id) on delete cascade,
  author_staff_id uuid not null references staff_users (id),
  text text not null,
  created_at timestamptz not null default now()
);
create index conversation_notes_conversation_idx on conversation_notes (conversation_id, created_at);

-- CSAT asked when a person hands the conversation back or closes it (or the AI resolves it).
create table conversation_ratings (
  conversation_id uuid primary key references conversations (id) on delete cascade,
  score smallint not null check (score between 1 and 5),
  comment text,
  handled_by text not null check (handled_by in ('ai', 'human')),
  agent_id uuid references agents (id),
  created_at timestamptz not null default now()
);
