-- Reviews (store/reviews.py, docs/store.md): what analysts said about the coder's events, kept
-- apart from its output. One row per reviewed event: its verdict, the reviewer's changes and the
-- machine's event as coded (JSON, NULL for an event the reviewer added). The events tables hold
-- the effective events (the machine's with the reviews applied); re-coding an article re-attaches
-- its reviews by evidence span and type, or sets needs_look. No foreign keys: a review outlives
-- the event rows it applies to, which re-coding deletes and writes again.
CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  event_id TEXT,
  verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'rejected', 'corrected', 'added')),
  reason TEXT,
  changes TEXT NOT NULL,
  machine TEXT,
  machine_type TEXT,
  evidence_start {int},
  evidence_end {int},
  position {int},
  coder_version TEXT,
  reviewer TEXT NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  needs_look {int} NOT NULL
);
CREATE INDEX reviews_article ON reviews(article_id);
CREATE UNIQUE INDEX reviews_event ON reviews(event_id);

-- Every action of every reviewer, and what re-coding did to a review: the history export.
CREATE TABLE review_history (
  review_id TEXT NOT NULL,
  position {int} NOT NULL,
  at TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  action TEXT NOT NULL,
  verdict TEXT,
  reason TEXT,
  changes TEXT NOT NULL,
  machine TEXT,
  coder_version TEXT,
  article_id TEXT NOT NULL,
  event_id TEXT,
  PRIMARY KEY (review_id, position)
);
CREATE INDEX review_history_at ON review_history(at);
