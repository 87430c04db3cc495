-- parley store, schema version 1. Each record is kept whole as JSON in `data`; the columns beside it
-- are copies of the fields queries filter on. Migrations live in store/migrations.py.

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
  id           TEXT PRIMARY KEY,
  source       TEXT,
  url          TEXT,
  headline     TEXT,
  outlet       TEXT,
  published    TEXT,
  day          TEXT,          -- published date part, for range filters
  language     TEXT,
  duplicate_of TEXT,
  ingested_at  TEXT NOT NULL,
  data         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  article_id UNINDEXED, headline, body, tokenize = 'porter unicode61'
);

-- actors as found in each article (ids are per name until the cross-article merge maps them)
CREATE TABLE IF NOT EXISTS article_actors (
  article_id TEXT NOT NULL,
  actor_id   TEXT NOT NULL,
  data       TEXT NOT NULL,
  PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX IF NOT EXISTS article_actors_actor ON article_actors(actor_id);

CREATE TABLE IF NOT EXISTS mentions (
  article_id TEXT NOT NULL,
  actor_id   TEXT NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  text       TEXT,
  kind       TEXT
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_id);

-- canonical actors and the map from per-article ids to them (rebuilt by the cross-article step)
CREATE TABLE IF NOT EXISTS actors (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  kind     TEXT,
  country  TEXT,
  mentions INTEGER,
  data     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS actors_name ON actors(name);

CREATE TABLE IF NOT EXISTS actor_map (
  local_id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
  id               TEXT PRIMARY KEY,
  article_id       TEXT NOT NULL,
  speaker          TEXT,
  speaker_actor_id TEXT,
  kind             TEXT,
  data             TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_actor_id);

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
  quote_id UNINDEXED, text, speaker, tokenize = 'porter unicode61'
);

-- events as coded in each article, one source each
CREATE TABLE IF NOT EXISTS events (
  id         TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  date_lo    TEXT,            -- the first and last day a partial date can mean
  date_hi    TEXT,
  type       TEXT,
  status     TEXT,
  actor1_id  TEXT,
  actor2_id  TEXT,
  data       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date_lo);

-- events merged across articles (rebuilt by the cross-article step); `members` lists the raw ids
CREATE TABLE IF NOT EXISTS merged_events (
  id        TEXT PRIMARY KEY,
  date_lo   TEXT,
  date_hi   TEXT,
  type      TEXT,
  status    TEXT,
  actor1_id TEXT,
  actor2_id TEXT,
  n_sources INTEGER,
  members   TEXT NOT NULL,
  data      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS merged_events_date ON merged_events(date_lo);
