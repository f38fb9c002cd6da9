-- The PostgreSQL twin of migrations/sqlite/0001_articles.sql, with native
-- types. doc is jsonb: it reorders keys and drops insignificant space, which
-- is harmless because the store decodes it rather than comparing text.
-- Times are microseconds; the doc keeps the nanoseconds of the wire.
CREATE TABLE articles (
	id           text PRIMARY KEY,
	url          text NOT NULL,
	source       text NOT NULL,
	lang         text NOT NULL,
	title        text NOT NULL,
	published_at timestamptz,
	fetched_at   timestamptz NOT NULL,
	content_hash text NOT NULL,
	relevant     boolean NOT NULL,
	score        double precision NOT NULL,
	revision     integer NOT NULL,
	first_seen   timestamptz NOT NULL,
	updated_at   timestamptz NOT NULL,
	doc          jsonb NOT NULL
);

CREATE INDEX articles_lang_published ON articles (lang, published_at);
CREATE INDEX articles_source_published ON articles (source, published_at);
CREATE INDEX articles_published ON articles (published_at);

CREATE TABLE revisions (
	id           text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	revision     integer NOT NULL,
	content_hash text NOT NULL,
	fetched_at   timestamptz NOT NULL,
	stored_at    timestamptz NOT NULL,
	doc          jsonb NOT NULL,
	PRIMARY KEY (id, revision)
);

-- Every doc is TOASTed (a few KB of JSON). lz4 compresses it several times
-- faster than the default pglz; a server built without lz4 keeps pglz.
DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_settings
		WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
		ALTER TABLE articles ALTER COLUMN doc SET COMPRESSION lz4;
		ALTER TABLE revisions ALTER COLUMN doc SET COMPRESSION lz4;
	END IF;
END
$$;
