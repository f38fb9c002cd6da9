-- The current revision of an article is kept in articles only; revisions
-- holds the earlier ones, and an update moves the current row there before
-- it overwrites it. Until now every revision, the current one included,
-- was also in revisions: each new article's document was written twice.
DELETE FROM revisions r USING articles a WHERE a.id = r.id AND a.revision = r.revision;
