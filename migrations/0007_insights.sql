-- Insights: feedback items from every source (hotline calls, chats, CSAT comments, agents' notes,
-- imported files, the API), each a redacted verbatim quote with kind, product area, sentiment and
-- urgency. `dedupe_key` makes re-processing a source harmless: a second pass inserts nothing.

create table feedback_imports (
  id uuid primary key,
  -- What the rows are ("app-store", "survey-2026-q1"), given by whoever imports.
  source_label text not null,
  -- The file name for a CSV import (no directory), null for an API batch.
  file_name text,
  rows_read int not null default 0,
  imported int not null default 0,
  -- Rows already imported before (same dedupe key): not an error, counted apart.
  duplicates int not null default 0,
  -- {"empty": 3, "too_long": 1, "no_feedback": 7}: skipped rows counted by reason.
  skipped jsonb not null default '{}',
  -- Rows whose bytes were not UTF-8 and were read as Windows-1252.
  recoded int not null default 0,
  -- "staff:<id>", "api_key:<id>" or "cli".
  created_by text not null,
  created_at timestamptz not null default now()
);

create table feedback_items (
  id uuid primary key,
  source text not null check (source in ('hotline_call', 'chat', 'csat', 'agent_note', 'import', 'api')),
  -- Call id, conversation id, note id or import batch id: the record the item came from.
  source_ref text not null,
  -- Free label of an import or API source ("app-store"); null for Tandem's own sources.
  source_label text,
  -- Where staff open the source in the staff app, e.g. /hotline/calls/<id>.
  source_link text,
  quote text not null,
  language text not null,
  kind text not null check (kind in ('bug', 'feature_request', 'complaint', 'praise', 'question')),
  product_area text not null,
  sentiment text not null check (sentiment in ('negative', 'neutral', 'positive')),
  -- -1 (surely negative) .. 1 (surely positive).
  sentiment_score real not null,
  urgency text not null check (urgency in ('low', 'normal', 'high')),
  customer_id uuid references customers (id) on delete set null,
  wants_follow_up boolean not null default false,
  -- Set by the themes pipeline; no foreign key until themes have their own table.
  theme_id uuid,
  import_id uuid references feedback_imports (id) on delete set null,
  dedupe_key text not null,
  occurred_at timestamptz not null,
  created_at timestamptz not null default now()
);
create unique index feedback_items_dedupe_idx on feedback_items (dedupe_key);
-- The dashboard's list (newest first, keyset cursor) and its filters.
create index feedback_items_occurred_idx on feedback_items (occurred_at desc, id desc);
create index feedback_items_area_idx on feedback_items (product_area, occurred_at desc);
create index feedback_items_kind_idx on feedback_items (kind, occurred_at desc);
create index feedback_items_source_idx on feedback_items (source, occurred_at desc);
create index feedback_items_theme_idx on feedback_items (theme_id, occurred_at desc) where theme_id is not null;
create index feedback_items_unthemed_idx on feedback_items (created_at) where theme_id is null;

-- What the extraction job has looked at, per source; partial indexes find what it has not.
alter table analytics_transcript_messages add column feedback_extracted_at timestamptz;
create index analytics_transcript_messages_feedback_pending_idx on analytics_transcript_messages (created_at)
  where feedback_extracted_at is null and role = 'customer';
alter table conversation_ratings add column feedback_extracted_at timestamptz;
create index conversation_ratings_feedback_pending_idx on conversation_ratings (created_at)
  where feedback_extracted_at is null and comment is not null;
alter table conversation_notes add column feedback_extracted_at timestamptz;
create index conversation_notes_feedback_pending_idx on conversation_notes (created_at)
  where feedback_extracted_at is null;
