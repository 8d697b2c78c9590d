-- Live monitoring (`communique watch`, docs/watch.md): the state of each feed, of each feed item
-- already taken, and of each poll ("intake") with the errors it met. A feed's ETag and
-- Last-Modified are written only once all its items are handled, so a poll killed half-way is
-- polled again in full.
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  last_poll TEXT,
  next_poll TEXT,
  status TEXT,
  last_error TEXT,
  errors {int} NOT NULL,
  items {int} NOT NULL
);

CREATE TABLE feed_items (
  url TEXT PRIMARY KEY,
  feed_url TEXT NOT NULL,
  guid TEXT,
  updated TEXT,
  article_id TEXT,
  etag TEXT,
  last_modified TEXT,
  fetched TEXT,
  content_hash TEXT,
  versions {int} NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('stored', 'rejected', 'failed')),
  reason TEXT,
  attempts {int} NOT NULL
);
CREATE INDEX feed_items_guid ON feed_items(feed_url, guid);
CREATE INDEX feed_items_status ON feed_items(status);

CREATE TABLE intakes (
  run_id TEXT PRIMARY KEY REFERENCES runs(id),
  started TEXT NOT NULL,
  finished TEXT,
  counts TEXT NOT NULL
);
CREATE INDEX intakes_started ON intakes(started);

CREATE TABLE intake_errors (
  run_id TEXT NOT NULL REFERENCES intakes(run_id),
  position {int} NOT NULL,
  url TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (run_id, position)
);
