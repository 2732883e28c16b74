-- The dispatcher ranks every eligible agent on each offer: their ratings and the offers they
-- declined or let lapse are read per agent, so both need an index (with 1,000 agents online the
-- ranking scanned the ratings table once per agent).
create index conversation_ratings_agent_idx on conversation_ratings (agent_id) include (score)
  where agent_id is not null;
create index dispatch_offers_agent_idx on dispatch_offers (agent_id, conversation_id);
