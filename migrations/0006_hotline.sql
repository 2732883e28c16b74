-- The founder hotline: personas (editable by an admin), calls over the phone, the browser
-- or text chat, their turns with timing, and what each call produced for the product team.

create table hotline_personas (
  id text primary key,
  name text not null,
  -- The whole persona: markets and numbers, languages, greeting, disclosure, voice, corpus.
  definition jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references staff_users (id)
);

create table hotline_calls (
  id uuid primary key,
  persona_id text not null references hotline_personas (id),
  channel text not null check (channel in ('phone', 'browser', 'chat')),
  language text not null,
  market text,
  -- The hotline number dialled and the caller's number with all but the last digits masked.
  to_number text,
  from_number_masked text,
  carrier_call_id text,
  stream_id text,
  conversation_id uuid references conversations (id),
  status text not null default 'active' check (status in ('active', 'ended')),
  -- completed | caller_hung_up | stream_error | no_start | idle_timeout | server_shutdown
  end_reason text,
  -- The disclosure and recording notice exactly as spoken at the start of the call.
  consent_notice text not null,
  interview_state jsonb not null default '{}',
  summary text,
  wants_follow_up boolean,
  audio_path text,
  audio_expires_at timestamptz,
  started_at timestamptz not null,
  ended_at timestamptz,
  updated_at timestamptz not null default now()
);
create index hotline_calls_started_idx on hotline_calls (started_at desc);
create index hotline_calls_active_idx on hotline_calls (status) where status = 'active';
create unique index hotline_calls_conversation_idx on hotline_calls (conversation_id) where conversation_id is not null;

create table hotline_turns (
  call_id uuid not null references hotline_calls (id) on delete cascade,
  seq int not null,
  speaker text not null check (speaker in ('caller', 'persona')),
  text text not null,
  started_at timestamptz not null,
  ended_at timestamptz,
  -- The corpus passage a persona answer came from.
  passage_id text,
  -- The persona was interrupted by the caller (barge-in) while saying this.
  interrupted boolean not null default false,
  -- Latency of a persona turn, in ms: waiting for end of turn, recognition, reply, synthesis
  -- to first audio, and the total from end of caller speech to first audio byte sent.
  end_of_turn_ms int,
  recognition_ms int,
  reply_ms int,
  synthesis_ms int,
  first_audio_ms int,
  primary key (call_id, seq)
);

create table hotline_feedback_items (
  id uuid primary key,
  call_id uuid not null references hotline_calls (id) on delete cascade,
  kind text not null check (kind in ('bug', 'feature_request', 'complaint', 'praise', 'question')),
  summary text not null,
  -- The caller's own words, personal data redacted.
  quote text not null,
  language text not null,
  created_at timestamptz not null default now()
);
create index hotline_feedback_items_call_idx on hotline_feedback_items (call_id);
