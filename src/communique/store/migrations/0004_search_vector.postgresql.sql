-- Full-text search (PostgreSQL): keep the tsvector in a stored generated column. Matching through
-- the expression index was fast, but ranking re-parsed the text of every matching article
-- (ts_rank(to_tsvector(...))): 20 s for a common word at 25k articles under load.
ALTER TABLE articles ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', coalesce(search_text, ''))) STORED;
DROP INDEX articles_search;
CREATE INDEX articles_search ON articles USING GIN (search_vector);
