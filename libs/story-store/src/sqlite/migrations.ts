/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Append only: never edit a migration that has shipped.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    industry TEXT NOT NULL,
    description TEXT NOT NULL
  );
  CREATE TABLE practices (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL
  );
  CREATE TABLE days (
    number INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    topic TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    headline TEXT NOT NULL,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    year INTEGER,
    day_number INTEGER REFERENCES days(number),
    status TEXT NOT NULL CHECK (status IN ('published', 'draft')),
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    published_at INTEGER,
    updated_at INTEGER NOT NULL,
    content_hash TEXT NOT NULL
  );
  CREATE INDEX stories_company ON stories(company_id);
  CREATE INDEX stories_day ON stories(day_number);
  CREATE INDEX stories_published ON stories(status, published_at);
  CREATE TABLE story_practices (
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, practice_id)
  );
  CREATE INDEX story_practices_practice ON story_practices(practice_id);
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    kind TEXT NOT NULL,
    publisher TEXT,
    year INTEGER,
    position INTEGER NOT NULL,
    UNIQUE (story_id, key)
  );
  CREATE TABLE metrics (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    year INTEGER,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    position INTEGER NOT NULL
  );
  CREATE INDEX metrics_story ON metrics(story_id);
  CREATE TABLE recaps (
    day INTEGER PRIMARY KEY REFERENCES days(number),
    title TEXT NOT NULL,
    points TEXT NOT NULL,
    covers_days TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE TABLE recap_stories (
    recap_day INTEGER NOT NULL REFERENCES recaps(day) ON DELETE CASCADE,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (recap_day, story_id)
  );
  CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, kind UNINDEXED, key UNINDEXED, published UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  `,
  // 2: bodies rendered once at import (HTML, text, reading time); search indexes the same text.
  `
  ALTER TABLE stories ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
  ALTER TABLE stories ADD COLUMN body_text TEXT NOT NULL DEFAULT '';
  ALTER TABLE stories ADD COLUMN reading_time_minutes INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE days ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
  ALTER TABLE days ADD COLUMN body_text TEXT NOT NULL DEFAULT '';
  ALTER TABLE recaps ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
  ALTER TABLE recaps ADD COLUMN body_text TEXT NOT NULL DEFAULT '';
  -- Stories are rewritten only when their hash changes: clearing it renders every one on the next import.
  UPDATE stories SET content_hash = '';
  `,
  // 3: authoring. Records carry their origin (a file of the content folder, or the API), the file
  // they come from and a version for optimistic concurrency; recaps get drafts; API tokens,
  // community submissions and the audit log get their tables.
  `
  ALTER TABLE stories ADD COLUMN origin TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'api'));
  ALTER TABLE stories ADD COLUMN source_file TEXT;
  ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE companies ADD COLUMN origin TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'api'));
  ALTER TABLE companies ADD COLUMN source_file TEXT;
  ALTER TABLE companies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE practices ADD COLUMN origin TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'api'));
  ALTER TABLE practices ADD COLUMN source_file TEXT;
  ALTER TABLE practices ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE days ADD COLUMN origin TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'api'));
  ALTER TABLE days ADD COLUMN source_file TEXT;
  ALTER TABLE days ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE recaps ADD COLUMN origin TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'api'));
  ALTER TABLE recaps ADD COLUMN source_file TEXT;
  ALTER TABLE recaps ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE recaps ADD COLUMN status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'draft'));
  ALTER TABLE metrics ADD COLUMN qualifier TEXT;
  CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'moderator', 'admin')),
    secret_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
  );
  CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens(name) WHERE revoked_at IS NULL;
  CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    receipt_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    company TEXT NOT NULL,
    title TEXT NOT NULL,
    what_changed TEXT NOT NULL,
    outcome TEXT NOT NULL,
    links TEXT NOT NULL,
    name TEXT,
    contact TEXT,
    public_note TEXT,
    submitted_at INTEGER NOT NULL,
    reviewed_at INTEGER,
    reviewed_by TEXT,
    story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX submissions_status ON submissions(status, id);
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    operation TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_key TEXT NOT NULL,
    version_before INTEGER,
    version_after INTEGER
  );
  -- Every story is rewritten once by the next import, which records the file it comes from.
  UPDATE stories SET content_hash = '';
  `,
  // 4: each record's search row at a rowid from its own key (story id * 3, day number * 3 + 1,
  // recap day * 3 + 2), so that the import and the writes replace a row by rowid rather than by
  // scanning the index for its kind and key.
  `
  DELETE FROM search_index;
  INSERT INTO search_index (rowid, title, body, kind, key, published)
    SELECT s.id * 3, s.title || ' ' || c.name, s.headline || char(10) || s.summary || char(10) || s.body_text,
      'Story', s.slug, s.status = 'published'
    FROM stories s JOIN companies c ON c.id = s.company_id;
  INSERT INTO search_index (rowid, title, body, kind, key, published)
    SELECT number * 3 + 1, title, topic || char(10) || summary || char(10) || body_text, 'Day', CAST(number AS TEXT), 1
    FROM days;
  INSERT INTO search_index (rowid, title, body, kind, key, published)
    SELECT day * 3 + 2, title, (SELECT group_concat(value, char(10)) FROM json_each(points)) || char(10) || body_text,
      'Recap', CAST(day AS TEXT), status = 'published'
    FROM recaps;
  `,
  // 5: indexes for reads whose cost follows the page, not the catalogue. Each list order has one,
  // led by status (the published view) and ending in slug (the tie-break), with the same
  // expressions the reads sort by, so a keyset page is a range read of LIMIT rows and a count
  // reads the index alone; a company's stories and a practice's are read the same way per parent.
  `
  CREATE INDEX stories_order_published ON stories(status, COALESCE(published_at, 0), slug);
  CREATE INDEX stories_order_year ON stories(status, COALESCE(year, 0), slug);
  CREATE INDEX stories_order_title ON stories(status, lower(title), slug);
  CREATE INDEX stories_company_order ON stories(company_id, status, COALESCE(published_at, 0), slug);
  DROP INDEX stories_company;
  DROP INDEX stories_published;
  CREATE INDEX story_practices_practice_story ON story_practices(practice_id, story_id);
  DROP INDEX story_practices_practice;
  CREATE INDEX recap_stories_story ON recap_stories(story_id);
  CREATE INDEX companies_industry ON companies(lower(industry));
  -- The narrowest index with the status: what a filtered count reads per story.
  CREATE INDEX stories_status ON stories(status);
  -- The unfiltered totals, kept by triggers: the list's count without a filter reads one row.
  CREATE TABLE story_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO story_counts (status, n)
    SELECT 'published', (SELECT count(*) FROM stories WHERE status = 'published')
    UNION ALL SELECT 'draft', (SELECT count(*) FROM stories WHERE status = 'draft');
  CREATE TRIGGER stories_counted_insert AFTER INSERT ON stories BEGIN
    UPDATE story_counts SET n = n + 1 WHERE status = NEW.status;
  END;
  CREATE TRIGGER stories_counted_delete AFTER DELETE ON stories BEGIN
    UPDATE story_counts SET n = n - 1 WHERE status = OLD.status;
  END;
  CREATE TRIGGER stories_counted_update AFTER UPDATE OF status ON stories WHEN OLD.status IS NOT NEW.status BEGIN
    UPDATE story_counts SET n = n - 1 WHERE status = OLD.status;
    UPDATE story_counts SET n = n + 1 WHERE status = NEW.status;
  END;
  -- The planner's picture of a catalogue at scale (100,000 stories, two statuses, 40 stories a
  -- company, 3 practices a story of 40), written as ANALYZE would: without it SQLite takes any
  -- equality for a selective one and reads every published story to find one slug. An ANALYZE
  -- on a real catalogue replaces these rows with measured ones.
  ANALYZE sqlite_schema;
  DELETE FROM sqlite_stat1;
  INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
    ('stories', 'sqlite_autoindex_stories_1', '100000 1'),
    ('stories', 'stories_order_published', '100000 50000 2 1'),
    ('stories', 'stories_order_year', '100000 50000 2500 1'),
    ('stories', 'stories_order_title', '100000 50000 2 1'),
    ('stories', 'stories_company_order', '100000 40 20 2 1'),
    ('stories', 'stories_day', '100000 1000'),
    ('stories', 'stories_status', '100000 50000'),
    ('story_practices', 'sqlite_autoindex_story_practices_1', '300000 3 1'),
    ('story_practices', 'story_practices_practice_story', '300000 7500 1'),
    ('sources', 'sqlite_autoindex_sources_1', '300000 3 1'),
    ('metrics', 'metrics_story', '300000 3'),
    ('recap_stories', 'recap_stories_story', '300 1'),
    ('companies', 'sqlite_autoindex_companies_1', '2500 1'),
    ('companies', 'companies_industry', '2500 250'),
    ('practices', 'sqlite_autoindex_practices_1', '40 1');
  ANALYZE sqlite_schema;
  `,
  // 6: the drafts among recaps, by index: a published search leaves out the search rowids of draft
  // stories (stories_status) and draft recaps (this), so it never reads an indexed document only to
  // learn whether it may be shown.
  `
  CREATE INDEX recaps_status ON recaps(status, day);
  `,
];
