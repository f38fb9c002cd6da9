package store

// SetIndexMinBatch restarts a SQLite store's indexer with another
// minimum batch: 1 indexes at every pause in writes, as before issue #15.
func SetIndexMinBatch(st Store, n int64) {
	s := st.(*sqliteStore)
	s.indexer.stop()
	t := defaultIndexTiming()
	t.minBatch = n
	s.indexer = startIndexer(s.indexPending, s.log, t)
}
