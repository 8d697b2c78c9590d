-- The event store, version 1. Portable SQL: {int}, {float} and {blob} are replaced per dialect
-- (SQLite: INTEGER, REAL, BLOB; PostgreSQL: BIGINT, DOUBLE PRECISION, BYTEA) so that integers
-- and floats read back exactly as written. JSON is kept as TEXT in both dialects: it must read
-- back as the same Python value, and TEXT has no dialect quirks.
-- Columns named start_char/end_char because END is a reserved word in PostgreSQL.

CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  coder_version TEXT NOT NULL,
  config TEXT NOT NULL,
  started TEXT NOT NULL,
  finished TEXT,
  counts TEXT NOT NULL,
  timings TEXT NOT NULL
);

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  title TEXT,
  url TEXT,
  published TEXT,
  lang TEXT,
  source TEXT,
  meta TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  coder_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('coded', 'rejected')),
  rejection_stage TEXT,
  rejection_reason TEXT,
  source_key TEXT NOT NULL,
  run_id TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position {int} NOT NULL,
  event TEXT NOT NULL,
  mode TEXT,
  quad_code {int},
  intensity {float},
  cameo TEXT,
  date TEXT,
  day TEXT,
  date_basis TEXT NOT NULL,
  confidence {float} NOT NULL,
  explanation TEXT NOT NULL,
  run_id TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type_day ON events(event, day);
CREATE INDEX events_day ON events(day);

CREATE TABLE event_contexts (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position {int} NOT NULL,
  context TEXT NOT NULL,
  PRIMARY KEY (event_id, position)
);
CREATE INDEX event_contexts_context ON event_contexts(context);

CREATE TABLE actors (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
  position {int} NOT NULL,
  code TEXT,
  sector TEXT,
  other_sectors TEXT NOT NULL,
  entity_text TEXT NOT NULL,
  name TEXT,
  start_char {int} NOT NULL,
  end_char {int} NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (event_id, role, position)
);
CREATE INDEX actors_code ON actors(code, role);
CREATE INDEX actors_sector ON actors(sector);

CREATE TABLE people (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position {int} NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  title TEXT,
  office TEXT,
  org TEXT,
  country TEXT,
  side TEXT NOT NULL,
  start_char {int},
  end_char {int},
  PRIMARY KEY (event_id, position)
);
CREATE INDEX people_name_key ON people(name_key);

CREATE TABLE places (
  event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  extracted_place TEXT NOT NULL,
  resolved_place TEXT,
  geonameid {int},
  lat {float},
  lon {float},
  country_code TEXT,
  feature_code TEXT,
  resolution {int},
  start_char {int},
  end_char {int},
  reason TEXT NOT NULL
);
CREATE INDEX places_country ON places(country_code);

CREATE TABLE evidence (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position {int} NOT NULL,
  text TEXT NOT NULL,
  start_char {int} NOT NULL,
  end_char {int} NOT NULL,
  sentence {int},
  PRIMARY KEY (event_id, position)
);

-- Every rejection seen, per run: the articles row keeps the latest state, this keeps history.
CREATE TABLE rejections (
  article_id TEXT NOT NULL,
  run_id TEXT NOT NULL REFERENCES runs(id),
  stage TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (article_id, run_id)
);

-- Linking (communique.link): rebuilt whole by each `communique link`.
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  first_report TEXT,
  last_report TEXT,
  first_date TEXT,
  last_date TEXT,
  num_mentions {int} NOT NULL,
  num_articles {int} NOT NULL,
  num_sources {int} NOT NULL,
  representative TEXT NOT NULL
);
CREATE INDEX stories_first_date ON stories(first_date);

CREATE TABLE story_events (
  event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  story_id TEXT NOT NULL
);
CREATE INDEX story_events_story ON story_events(story_id);

CREATE TABLE near_duplicates (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  cluster_id TEXT NOT NULL
);

-- Caches for linking, filled incrementally: recomputed only when the content changes.
CREATE TABLE article_signatures (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  signature {blob} NOT NULL
);

CREATE TABLE event_vectors (
  event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  vector {blob} NOT NULL
);
