-- Full-text search over articles (PostgreSQL): search_text is a lower-cased, accent-stripped
-- copy of title and text filled in Python (no unaccent extension needed), indexed with the
-- 'simple' configuration so French and English are tokenised alike.
ALTER TABLE articles ADD COLUMN search_text TEXT;
CREATE INDEX articles_search ON articles USING GIN (to_tsvector('simple', coalesce(search_text, '')));
