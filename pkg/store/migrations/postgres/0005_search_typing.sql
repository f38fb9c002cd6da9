-- The index's tokens change: a Turkish word is also indexed without its
-- own letters ("dünyaya" as "dunyaya"), and ё is indexed as е (see
-- indexTokens). The store re-tokenises every article in Go, in this
-- migration's transaction (see postgresStore.afterMigration), as migration
-- 5 of the SQLite backend does through its indexer. Nothing changes in the
-- schema itself.
SELECT 1;
