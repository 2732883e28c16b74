-- Conversations between a customer (or an anonymous visitor) and the assistant, later a person.
-- Messages are numbered per conversation (seq); a client may tag its message with an id so a
-- retried request is recognised instead of starting a second assistant turn.

create table conversations (
  id uuid primary key,
  -- Null for an anonymous conversation: whoever holds the (random v4) id may use it.
  customer_id uuid references customers (id),
  channel text not null check (channel in ('chat', 'hotline')),
  status text not null default 'bot' check (status in ('bot', 'waiting_for_human', 'with_human', 'closed')),
  language text not null,
  assistant_state jsonb not null default '{}',
  handoff jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  check ((status = 'closed') = (closed_at is not null))
);
create index conversations_customer_idx on conversations (customer_id, created_at desc) where customer_id is not null;
create index conversations_open_human_idx on conversations (status, updated_at)
  where status in ('waiting_for_human', 'with_human');

create table conversation_messages (
  id uuid primary key,
  conversation_id uuid not null references conversations (id) on delete cascade,
  seq int not null check (seq > 0),
  role text not null check (role in ('customer', 'assistant', 'agent', 'system')),
  text text not null,
  citations jsonb,
  client_message_id text,
  created_at timestamptz not null default now(),
  constraint conversation_messages_seq_key unique (conversation_id, seq),
  -- Nulls are distinct, so untagged messages never collide.
  constraint conversation_messages_client_id_key unique (conversation_id, client_message_id)
);
