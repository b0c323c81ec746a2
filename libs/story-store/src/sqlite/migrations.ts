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
  // 6: filtered lists whose cost follows the page too. A filtered total reads counts kept by
  // triggers (per company, practice, day and year, and per status: drafts count under preview), not
  // every story the filter selects; a practice's stories are a range of their own index in each list
  // order, as a company's are, rather than a walk of every story probing its links. The triggers
  // keep both exact through every insert, update, delete and cascade; a story's BEFORE DELETE
  // trigger settles its practice counts, because its links are deleted (by cascade) after it.
  `
  CREATE TABLE story_filter_counts (
    filter TEXT NOT NULL CHECK (filter IN ('company', 'practice', 'day', 'year')),
    key INTEGER NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (filter, key, status)
  ) WITHOUT ROWID;
  INSERT INTO story_filter_counts (filter, key, status, n)
    SELECT 'company', company_id, status, count(*) FROM stories GROUP BY company_id, status
    UNION ALL SELECT 'day', day_number, status, count(*) FROM stories WHERE day_number IS NOT NULL
      GROUP BY day_number, status
    UNION ALL SELECT 'year', year, status, count(*) FROM stories WHERE year IS NOT NULL GROUP BY year, status
    UNION ALL SELECT 'practice', sp.practice_id, s.status, count(*)
      FROM story_practices sp JOIN stories s ON s.id = sp.story_id GROUP BY sp.practice_id, s.status;
  CREATE TRIGGER stories_filter_counted_insert AFTER INSERT ON stories BEGIN
    INSERT INTO story_filter_counts (filter, key, status, n)
      SELECT 'company', NEW.company_id, NEW.status, 1
      UNION ALL SELECT 'day', NEW.day_number, NEW.status, 1 WHERE NEW.day_number IS NOT NULL
      UNION ALL SELECT 'year', NEW.year, NEW.status, 1 WHERE NEW.year IS NOT NULL
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER stories_filter_counted_delete BEFORE DELETE ON stories BEGIN
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'company' AND key = OLD.company_id AND status = OLD.status;
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'day' AND key = OLD.day_number AND status = OLD.status;
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'year' AND key = OLD.year AND status = OLD.status;
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'practice' AND status = OLD.status
      AND key IN (SELECT practice_id FROM story_practices WHERE story_id = OLD.id);
  END;
  CREATE TRIGGER stories_filter_counted_update AFTER UPDATE OF company_id, day_number, year, status ON stories
    WHEN OLD.company_id IS NOT NEW.company_id OR OLD.day_number IS NOT NEW.day_number
      OR OLD.year IS NOT NEW.year OR OLD.status IS NOT NEW.status BEGIN
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'company' AND key = OLD.company_id AND status = OLD.status;
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'day' AND key = OLD.day_number AND status = OLD.status;
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'year' AND key = OLD.year AND status = OLD.status;
    INSERT INTO story_filter_counts (filter, key, status, n)
      SELECT 'company', NEW.company_id, NEW.status, 1
      UNION ALL SELECT 'day', NEW.day_number, NEW.status, 1 WHERE NEW.day_number IS NOT NULL
      UNION ALL SELECT 'year', NEW.year, NEW.status, 1 WHERE NEW.year IS NOT NULL
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER stories_practices_counted_status AFTER UPDATE OF status ON stories
    WHEN OLD.status IS NOT NEW.status BEGIN
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'practice' AND status = OLD.status
      AND key IN (SELECT practice_id FROM story_practices WHERE story_id = NEW.id);
    INSERT INTO story_filter_counts (filter, key, status, n)
      SELECT 'practice', practice_id, NEW.status, 1 FROM story_practices WHERE story_id = NEW.id
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  -- A link deleted by its story's cascade finds no story, and counts nothing: the story's trigger did.
  CREATE TRIGGER story_practices_counted_delete AFTER DELETE ON story_practices BEGIN
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'practice' AND key = OLD.practice_id
      AND status = (SELECT status FROM stories WHERE id = OLD.story_id);
  END;
  CREATE TRIGGER story_practices_counted_insert AFTER INSERT ON story_practices BEGIN
    INSERT INTO story_filter_counts (filter, key, status, n)
      SELECT 'practice', NEW.practice_id, status, 1 FROM stories WHERE id = NEW.story_id
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER story_practices_counted_update AFTER UPDATE OF story_id, practice_id ON story_practices
    WHEN OLD.story_id IS NOT NEW.story_id OR OLD.practice_id IS NOT NEW.practice_id BEGIN
    UPDATE story_filter_counts SET n = n - 1 WHERE filter = 'practice' AND key = OLD.practice_id
      AND status = (SELECT status FROM stories WHERE id = OLD.story_id);
    INSERT INTO story_filter_counts (filter, key, status, n)
      SELECT 'practice', NEW.practice_id, status, 1 FROM stories WHERE id = NEW.story_id
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  -- Each practice link with its story's list keys, kept by triggers, so that a practice's page is a
  -- range of one index in the list's order, LIMIT rows long, however rare or common the practice.
  CREATE TABLE practice_story_keys (
    story_id INTEGER NOT NULL,
    practice_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    published_key INTEGER NOT NULL,
    year_key INTEGER NOT NULL,
    title_key TEXT NOT NULL,
    slug TEXT NOT NULL,
    PRIMARY KEY (story_id, practice_id)
  ) WITHOUT ROWID;
  INSERT INTO practice_story_keys (story_id, practice_id, status, published_key, year_key, title_key, slug)
    SELECT s.id, sp.practice_id, s.status, COALESCE(s.published_at, 0), COALESCE(s.year, 0), lower(s.title), s.slug
    FROM story_practices sp JOIN stories s ON s.id = sp.story_id;
  CREATE INDEX practice_story_keys_published ON practice_story_keys(practice_id, status, published_key, slug);
  CREATE INDEX practice_story_keys_year ON practice_story_keys(practice_id, status, year_key, slug);
  CREATE INDEX practice_story_keys_title ON practice_story_keys(practice_id, status, title_key, slug);
  CREATE TRIGGER story_practices_keyed_insert AFTER INSERT ON story_practices BEGIN
    INSERT INTO practice_story_keys (story_id, practice_id, status, published_key, year_key, title_key, slug)
      SELECT id, NEW.practice_id, status, COALESCE(published_at, 0), COALESCE(year, 0), lower(title), slug
      FROM stories WHERE id = NEW.story_id;
  END;
  CREATE TRIGGER story_practices_keyed_delete AFTER DELETE ON story_practices BEGIN
    DELETE FROM practice_story_keys WHERE story_id = OLD.story_id AND practice_id = OLD.practice_id;
  END;
  CREATE TRIGGER story_practices_keyed_update AFTER UPDATE OF story_id, practice_id ON story_practices
    WHEN OLD.story_id IS NOT NEW.story_id OR OLD.practice_id IS NOT NEW.practice_id BEGIN
    DELETE FROM practice_story_keys WHERE story_id = OLD.story_id AND practice_id = OLD.practice_id;
    INSERT INTO practice_story_keys (story_id, practice_id, status, published_key, year_key, title_key, slug)
      SELECT id, NEW.practice_id, status, COALESCE(published_at, 0), COALESCE(year, 0), lower(title), slug
      FROM stories WHERE id = NEW.story_id;
  END;
  CREATE TRIGGER stories_keyed_update AFTER UPDATE OF status, published_at, year, title, slug ON stories
    WHEN OLD.status IS NOT NEW.status OR OLD.published_at IS NOT NEW.published_at OR OLD.year IS NOT NEW.year
      OR OLD.title IS NOT NEW.title OR OLD.slug IS NOT NEW.slug BEGIN
    UPDATE practice_story_keys SET status = NEW.status, published_key = COALESCE(NEW.published_at, 0),
      year_key = COALESCE(NEW.year, 0), title_key = lower(NEW.title), slug = NEW.slug
    WHERE story_id = NEW.id;
  END;
  -- A story's company page in the other list orders, as stories_company_order is in the published one.
  CREATE INDEX stories_company_order_year ON stories(company_id, status, COALESCE(year, 0), slug);
  CREATE INDEX stories_company_order_title ON stories(company_id, status, lower(title), slug);
  -- A day's stories, newest first, for the day filter and a day's list, as a company's are.
  CREATE INDEX stories_day_order ON stories(day_number, status, COALESCE(published_at, 0), slug);
  DROP INDEX stories_day;
  -- The planner's picture at scale, as in migration 5 (2,500 companies, 40 practices, 90 days, 17 years).
  DELETE FROM sqlite_stat1 WHERE idx = 'stories_day';
  INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
    ('stories', 'stories_company_order_year', '100000 40 20 2 1'),
    ('stories', 'stories_company_order_title', '100000 40 20 2 1'),
    ('stories', 'stories_day_order', '100000 1100 550 2 1'),
    ('story_filter_counts', 'story_filter_counts', '5400 1350 2 1'),
    ('practice_story_keys', 'practice_story_keys', '300000 3 1'),
    ('practice_story_keys', 'practice_story_keys_published', '300000 7500 3750 2 1'),
    ('practice_story_keys', 'practice_story_keys_year', '300000 7500 3750 220 1'),
    ('practice_story_keys', 'practice_story_keys_title', '300000 7500 3750 2 1');
  ANALYZE sqlite_schema;
  `,
  // 7: the series credit the content's licence requires wherever it is shown, kept by the import.
  `
  CREATE TABLE series (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    author TEXT NOT NULL,
    licence TEXT NOT NULL,
    licence_url TEXT NOT NULL,
    url TEXT NOT NULL,
    page TEXT NOT NULL,
    note TEXT NOT NULL
  );
  `,
  // 8: the drafts among recaps, by index: a published search leaves out the search rowids of draft
  // stories (stories_status) and draft recaps (this), so it never reads an indexed document only to
  // learn whether it may be shown.
  `
  CREATE INDEX recaps_status ON recaps(status, day);
  `,
];
