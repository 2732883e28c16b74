-- The dispatcher ranks every eligible agent on each offer: their ratings and the offers they
-- declined or let lapse are read per agent, so both need an index (with 1,000 agents online the
-- ranking scanned the ratings table once per agent).
create index conversation_ratings_agent_idx on conversation_ratings (agent_id) include (score)
  where agent_id is not null;
create index dispatch_offers_agent_idx on dispatch_offers (agent_id, conversation_id);
-- The queue's wait estimate reads the most recently finished human conversations (the earning is
-- paid when a person closes or hands back, so both count).
create index agent_earnings_finished_idx on agent_earnings (created_at desc) where kind = 'conversation';
