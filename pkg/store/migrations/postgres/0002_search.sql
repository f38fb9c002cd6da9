-- Full-text search. article_search holds the title and body as the same
-- pre-normalised tokens the SQLite backend indexes (lowercased with the
-- article's language rules, plus stems that are not prefixes of their
-- word), written by the store in Go: SQL cannot stem, and PostgreSQL's own
-- lowercasing is not Turkish-aware. The text is what the rank counts
-- occurrences in, as SQLite's does. tsv, for matching, is its distinct
-- tokens as they are: array_to_tsvector neither parses nor lowercases, so
-- no rule of PostgreSQL's text search can make the backends disagree, and
-- it costs a fraction of to_tsvector's parser.
CREATE TABLE article_search (
	id    text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	title text NOT NULL,
	body  text NOT NULL,
	tsv   tsvector GENERATED ALWAYS AS
		(array_to_tsvector(array_remove(string_to_array(title || ' ' || body, ' '), ''))) STORED
);

CREATE INDEX article_search_tsv ON article_search USING gin (tsv);

CREATE TABLE article_countries (
	country text NOT NULL,
	id      text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (country, id)
);

CREATE INDEX article_countries_id ON article_countries (id);

-- Prune's condition: the age of an article.
CREATE INDEX articles_age ON articles ((COALESCE(published_at, fetched_at)));

-- The store indexes the text and countries of existing articles in Go, in
-- the same transaction as this migration (see postgresStore.afterMigration).
