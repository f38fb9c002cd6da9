-- Times are RFC 3339 UTC text with a nine-digit fraction, so that they sort
-- as text. doc is the article/v1 JSON: the columns beside it exist only to
-- filter and order without parsing it.
CREATE TABLE articles (
	id           TEXT PRIMARY KEY,
	url          TEXT NOT NULL,
	source       TEXT NOT NULL,
	lang         TEXT NOT NULL,
	title        TEXT NOT NULL,
	published_at TEXT,
	fetched_at   TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	relevant     INTEGER NOT NULL,
	score        REAL NOT NULL,
	revision     INTEGER NOT NULL,
	first_seen   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	doc          TEXT NOT NULL
);

CREATE INDEX articles_lang_published ON articles (lang, published_at);
CREATE INDEX articles_source_published ON articles (source, published_at);
CREATE INDEX articles_published ON articles (published_at);

CREATE TABLE revisions (
	id           TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	revision     INTEGER NOT NULL,
	content_hash TEXT NOT NULL,
	fetched_at   TEXT NOT NULL,
	stored_at    TEXT NOT NULL,
	doc          TEXT NOT NULL,
	PRIMARY KEY (id, revision)
);
