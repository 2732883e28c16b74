-- Analytics works on a copy of every conversation message with personal data (card numbers,
-- national ids, IBANs, emails, phone numbers) replaced by placeholders. The copy is made by a
-- background job, so the chat's write path pays nothing for it; `analytics_copied_at` marks
-- what has been copied and its partial index finds what has not.

alter table conversation_messages add column analytics_copied_at timestamptz;
create index conversation_messages_analytics_pending_idx on conversation_messages (created_at)
  where analytics_copied_at is null;

create table analytics_transcript_messages (
  message_id uuid primary key references conversation_messages (id) on delete cascade,
  conversation_id uuid not null references conversations (id) on delete cascade,
  seq int not null,
  role text not null,
  channel text not null,
  language text not null,
  text text not null,
  -- {"card": 1, "email": 2}: what was removed, so analysts can see that something was.
  redactions jsonb not null default '{}',
  created_at timestamptz not null
);
create index analytics_transcript_messages_conversation_idx
  on analytics_transcript_messages (conversation_id, seq);
create index analytics_transcript_messages_created_idx on analytics_transcript_messages (created_at);
