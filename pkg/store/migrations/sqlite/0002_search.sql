-- Full-text search. articles_fts holds the title and body as pre-normalised
-- tokens (lowercased with the article's language rules, plus stems that are
-- not prefixes of their word), written by the store in Go: SQL cannot stem.
-- The tokenizer therefore only splits on spaces and must keep every letter
-- as it is: no diacritic removal (ş, ı, ё), and combining marks count as
-- letters. Prefix indexes serve the "stem"* queries.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title,
	body,
	tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'",
	prefix = '3 4',
	detail = column
);

-- search_docs gives each article a stable integer, the rowid of its
-- articles_fts row: the implicit rowid of articles may change on VACUUM.
CREATE TABLE search_docs (
	docid INTEGER PRIMARY KEY,
	id    TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE
);

-- Deleting an article cascades to search_docs, and this to the index.
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
	DELETE FROM articles_fts WHERE rowid = old.docid;
END;

CREATE TABLE article_countries (
	country TEXT NOT NULL,
	id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (country, id)
) WITHOUT ROWID;

CREATE INDEX article_countries_id ON article_countries (id);

INSERT OR IGNORE INTO article_countries (country, id)
	SELECT upper(j.value), a.id FROM articles a, json_each(a.doc, '$.countries') j
	WHERE j.type = 'text';

-- Prune's condition: the age of an article.
CREATE INDEX articles_age ON articles (COALESCE(published_at, fetched_at));

-- The store indexes the text of existing articles in Go, in the same
-- transaction as this migration (see sqliteStore.apply).

-- Put records what it changed here, in its own transaction, and the
-- store's indexer moves it into the full-text index right after, in
-- batches: tokenising and stemming stay off the write path, which is what
-- the sink waits on before it acks. Every search first indexes what is
-- pending, so it always sees every committed article.
CREATE TABLE search_pending (
	id           TEXT PRIMARY KEY,
	content_hash TEXT NOT NULL -- the revision to index; a newer Put replaces it
) WITHOUT ROWID;

INSERT INTO search_pending (id, content_hash) SELECT id, content_hash FROM articles;
