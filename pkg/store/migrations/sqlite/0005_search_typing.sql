-- The index's tokens change: a Turkish word is also indexed without its
-- own letters ("dünyaya" as "dunyaya"), and ё is indexed as е (see
-- indexTokens). Every article is pending again: the indexer (or the first
-- search) re-tokenises it. Migration 5 of the PostgreSQL backend does the
-- same.
INSERT OR REPLACE INTO search_pending (id, content_hash) SELECT id, content_hash FROM articles;
