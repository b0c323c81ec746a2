import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  type ContentBundle,
  MARKDOWN_RENDER_VERSION,
  renderMarkdown,
  type SourceKindName,
  type StoryContent,
} from '@devops-stories/story-content';
import type {
  CompanyRecord,
  DayRecord,
  ImportResult,
  MetricRecord,
  PracticeRecord,
  RecapRecord,
  SearchRecord,
  SortKey,
  SourceRecord,
  StoryListPage,
  StoryListQuery,
  StoryRecord,
  StoryStore,
  StoryView,
} from '../store.types.js';
import { parseDatabaseUrl } from '../database-url.js';
import { migrations } from './migrations.js';

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** `DATABASE_URL`: `sqlite:<path>` or `sqlite::memory:` (see {@link parseDatabaseUrl}). */
  url: string;
  /** Called with each SQL statement before it runs; tests count them, debugging logs them. */
  onStatement?: (sql: string) => void;
}

type Row = Record<string, unknown>;

const STORY_COLUMNS = `s.id, s.slug, s.title, s.headline, s.company_id, s.year, s.day_number, s.status,
  s.summary, s.body, s.body_html, s.body_text, s.reading_time_minutes, s.published_at, s.updated_at`;

const NEWEST_FIRST = 'COALESCE(s.published_at, 0) DESC, s.slug DESC';

const SORT_EXPRESSIONS = {
  publishedAt: 'COALESCE(s.published_at, 0)',
  year: 'COALESCE(s.year, 0)',
  title: 'lower(s.title)',
} as const;

/**
 * Opens (creating if needed) a SQLite database in WAL mode and applies pending migrations.
 *
 * @throws {DatabaseUrlError} for a URL that is not SQLite.
 * @throws when the file cannot be opened or a migration fails; nothing is half-applied.
 */
export function openSqliteStore(options: SqliteStoreOptions): StoryStore {
  const { filename } = parseDatabaseUrl(options.url);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  // FULL: in WAL mode NORMAL may lose the last commits on power loss; an acknowledged import must survive.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, options.onStatement);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStoryStore(db, options.onStatement);
}

function migrate(db: Database.Database, onStatement?: (sql: string) => void): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database is at schema version ${current}, newer than this build knows (${migrations.length})`);
  }
  db.transaction(() => {
    for (let v = current; v < migrations.length; v++) {
      onStatement?.(migrations[v]);
      db.exec(migrations[v]);
    }
    db.pragma(`user_version = ${migrations.length}`);
  })();
}

class SqliteStoryStore implements StoryStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly onStatement?: (sql: string) => void,
  ) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private all(sql: string, params: unknown = {}): Row[] {
    this.onStatement?.(sql);
    return this.prepare(sql).all(params as Record<string, unknown>) as Row[];
  }

  private run(sql: string, params: unknown = {}): Database.RunResult {
    this.onStatement?.(sql);
    return this.prepare(sql).run(params as Record<string, unknown>);
  }

  async importContent(bundle: ContentBundle): Promise<ImportResult> {
    return this.db.transaction(() => this.importInTransaction(bundle))();
  }

  private importInTransaction(bundle: ContentBundle): ImportResult {
    const result: ImportResult = {
      stories: { inserted: 0, updated: 0, unchanged: 0, removed: 0 },
      companies: bundle.companies.length,
      practices: bundle.practices.length,
      days: bundle.days.length,
      recaps: bundle.recaps.length,
    };
    for (const c of bundle.companies) {
      this.run(
        `INSERT INTO companies (slug, name, industry, description) VALUES (@slug, @name, @industry, @description)
         ON CONFLICT(slug) DO UPDATE SET name = excluded.name, industry = excluded.industry, description = excluded.description`,
        c,
      );
    }
    for (const p of bundle.practices) {
      this.run(
        `INSERT INTO practices (slug, name, description) VALUES (@slug, @name, @description)
         ON CONFLICT(slug) DO UPDATE SET name = excluded.name, description = excluded.description`,
        p,
      );
    }
    for (const d of bundle.days) {
      const { html, text } = renderMarkdown(d.body);
      this.run(
        `INSERT INTO days (number, title, topic, summary, body, body_html, body_text)
         VALUES (@number, @title, @topic, @summary, @body, @html, @text)
         ON CONFLICT(number) DO UPDATE SET title = excluded.title, topic = excluded.topic,
           summary = excluded.summary, body = excluded.body, body_html = excluded.body_html,
           body_text = excluded.body_text`,
        { ...d, html, text },
      );
    }
    const ids = (table: string) =>
      new Map(this.all(`SELECT id, slug FROM ${table}`).map((r) => [r.slug as string, r.id as number]));
    const companyIds = ids('companies');
    const practiceIds = ids('practices');
    const existing = new Map(
      this.all('SELECT slug, content_hash FROM stories').map((r) => [r.slug as string, r.content_hash as string]),
    );
    for (const story of bundle.stories) {
      const hash = contentHash(story);
      const before = existing.get(story.slug);
      if (before === hash) {
        result.stories.unchanged++;
        continue;
      }
      const companyId = companyIds.get(story.company);
      if (companyId === undefined)
        throw new Error(`story "${story.slug}" names company "${story.company}", which the import does not hold`);
      result.stories[before === undefined ? 'inserted' : 'updated']++;
      this.writeStory(story, hash, companyId, practiceIds);
    }
    const keep = new Set(bundle.stories.map((s) => s.slug));
    for (const slug of existing.keys()) {
      if (!keep.has(slug)) {
        this.run('DELETE FROM stories WHERE slug = @slug', { slug });
        result.stories.removed++;
      }
    }
    const storyIds = ids('stories');
    this.run('DELETE FROM recap_stories');
    for (const r of bundle.recaps) {
      const { html, text } = renderMarkdown(r.body);
      this.run(
        `INSERT INTO recaps (day, title, points, covers_days, body, body_html, body_text)
         VALUES (@day, @title, @points, @coversDays, @body, @html, @text)
         ON CONFLICT(day) DO UPDATE SET title = excluded.title, points = excluded.points,
           covers_days = excluded.covers_days, body = excluded.body, body_html = excluded.body_html,
           body_text = excluded.body_text`,
        {
          ...r,
          points: JSON.stringify(r.points),
          coversDays: JSON.stringify(r.coversDays),
          html,
          text,
          stories: undefined,
        },
      );
      r.stories.forEach((slug, position) =>
        this.run('INSERT INTO recap_stories (recap_day, story_id, position) VALUES (@day, @story, @position)', {
          day: r.day,
          story: storyIds.get(slug),
          position,
        }),
      );
    }
    this.pruneMissing(
      'recaps',
      'day',
      bundle.recaps.map((r) => r.day),
    );
    this.pruneMissing(
      'companies',
      'slug',
      bundle.companies.map((c) => c.slug),
    );
    this.pruneMissing(
      'practices',
      'slug',
      bundle.practices.map((p) => p.slug),
    );
    this.pruneMissing(
      'days',
      'number',
      bundle.days.map((d) => d.number),
    );
    this.rebuildSearchIndex();
    return result;
  }

  private pruneMissing(table: string, column: string, keep: (string | number)[]): void {
    this.run(`DELETE FROM ${table} WHERE ${column} NOT IN (SELECT value FROM json_each(@keep))`, {
      keep: JSON.stringify(keep),
    });
  }

  private writeStory(story: StoryContent, hash: string, companyId: number, practiceIds: Map<string, number>): void {
    const row = this.all(
      `INSERT INTO stories (slug, title, headline, company_id, year, day_number, status, summary, body,
         body_html, body_text, reading_time_minutes, published_at, updated_at, content_hash)
       VALUES (@slug, @title, @headline, @companyId, @year, @day, @status, @summary, @body,
         @html, @text, @readingTimeMinutes, @publishedAt, @updatedAt, @hash)
       ON CONFLICT(slug) DO UPDATE SET title = excluded.title, headline = excluded.headline,
         company_id = excluded.company_id, year = excluded.year, day_number = excluded.day_number,
         status = excluded.status, summary = excluded.summary, body = excluded.body,
         body_html = excluded.body_html, body_text = excluded.body_text,
         reading_time_minutes = excluded.reading_time_minutes,
         published_at = excluded.published_at, updated_at = excluded.updated_at, content_hash = excluded.content_hash
       RETURNING id`,
      {
        ...story,
        ...renderMarkdown(story.body),
        companyId,
        hash,
        publishedAt: story.publishedAt?.getTime() ?? null,
        updatedAt: story.updatedAt.getTime(),
        practices: undefined,
        sources: undefined,
        metrics: undefined,
      },
    )[0];
    const storyId = row.id as number;
    this.run('DELETE FROM story_practices WHERE story_id = @storyId', { storyId });
    this.run('DELETE FROM metrics WHERE story_id = @storyId', { storyId });
    this.run('DELETE FROM sources WHERE story_id = @storyId', { storyId });
    story.practices.forEach((slug, position) =>
      this.run(
        'INSERT INTO story_practices (story_id, practice_id, position) VALUES (@storyId, @practiceId, @position)',
        {
          storyId,
          practiceId: practiceIds.get(slug),
          position,
        },
      ),
    );
    const sourceIds = new Map<string, number>();
    story.sources.forEach((s, position) => {
      const inserted = this.run(
        `INSERT INTO sources (story_id, key, title, url, kind, publisher, year, position)
         VALUES (@storyId, @id, @title, @url, @kind, @publisher, @year, @position)`,
        { ...s, storyId, kind: toSourceKind(s.kind), position },
      );
      sourceIds.set(s.id, Number(inserted.lastInsertRowid));
    });
    story.metrics.forEach((m, position) =>
      this.run(
        `INSERT INTO metrics (story_id, label, value, unit, year, source_id, position)
         VALUES (@storyId, @label, @value, @unit, @year, @sourceId, @position)`,
        { ...m, storyId, sourceId: sourceIds.get(m.source) ?? null, position, source: undefined },
      ),
    );
  }

  /** Indexes the stored text of every story, day and recap: the same words readers are served. */
  private rebuildSearchIndex(): void {
    this.run('DELETE FROM search_index');
    this.run(`INSERT INTO search_index (title, body, kind, key, published)
      SELECT s.title || ' ' || c.name, s.headline || char(10) || s.summary || char(10) || s.body_text,
        'Story', s.slug, s.status = 'published'
      FROM stories s JOIN companies c ON c.id = s.company_id`);
    this.run(`INSERT INTO search_index (title, body, kind, key, published)
      SELECT title, topic || char(10) || summary || char(10) || body_text, 'Day', CAST(number AS TEXT), 1 FROM days`);
    this.run(`INSERT INTO search_index (title, body, kind, key, published)
      SELECT title, (SELECT group_concat(value, char(10)) FROM json_each(points)) || char(10) || body_text,
        'Recap', CAST(day AS TEXT), 1
      FROM recaps`);
  }

  async listStories(query: StoryListQuery): Promise<StoryListPage> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: query.limit + 1 };
    if (query.view === 'published') where.push(`s.status = 'published'`);
    const f = query.filter;
    if (f.company != null) {
      where.push('c.slug = @company');
      params.company = f.company;
    }
    if (f.practice != null) {
      where.push(`EXISTS (SELECT 1 FROM story_practices sp JOIN practices p ON p.id = sp.practice_id
        WHERE sp.story_id = s.id AND p.slug = @practice)`);
      params.practice = f.practice;
    }
    if (f.industry != null) {
      where.push('lower(c.industry) = lower(@industry)');
      params.industry = f.industry;
    }
    if (f.yearFrom != null) {
      where.push('s.year >= @yearFrom');
      params.yearFrom = f.yearFrom;
    }
    if (f.yearTo != null) {
      where.push('s.year <= @yearTo');
      params.yearTo = f.yearTo;
    }
    if (f.day != null) {
      where.push('s.day_number = @day');
      params.day = f.day;
    }
    const key = SORT_EXPRESSIONS[query.sort.field];
    const forward = query.from.direction === 'forward';
    // Reading backward walks the list order in reverse and flips the rows afterwards.
    const ascending = (query.sort.direction === 'asc') === forward;
    const dir = ascending ? 'ASC' : 'DESC';
    const cmp = ascending ? '>' : '<';
    const start = query.from.direction === 'forward' ? query.from.after : query.from.before;
    let keyset = '';
    if (start) {
      keyset = `WHERE sort_key ${cmp} @startValue OR (sort_key = @startValue AND slug ${cmp} @startSlug)`;
      params.startValue = start.value;
      params.startSlug = start.slug;
    }
    // Keys first, whole rows last: sorting and counting touch only ids and sort keys, not bodies.
    const sql = `
      WITH filtered AS (
        SELECT s.id, s.slug, ${key} AS sort_key FROM stories s JOIN companies c ON c.id = s.company_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ),
      page AS (SELECT * FROM filtered ${keyset} ORDER BY sort_key ${dir}, slug ${dir} LIMIT @limit)
      SELECT (SELECT COUNT(*) FROM filtered) AS total_count, page.sort_key, ${STORY_COLUMNS}
      FROM (SELECT 1) LEFT JOIN page ON 1 LEFT JOIN stories s ON s.id = page.id
      ORDER BY page.sort_key ${dir}, page.slug ${dir}`;
    const rows = this.all(sql, params);
    const totalCount = Number(rows[0]?.total_count ?? 0);
    const found = rows.filter((r) => r.id != null);
    const hasMore = found.length > query.limit;
    const page = found.slice(0, query.limit).map((r) => ({
      story: toStory(r),
      key: { value: r.sort_key as string | number, slug: r.slug as string } satisfies SortKey,
    }));
    if (!forward) page.reverse();
    return { rows: page, hasMore, totalCount };
  }

  async storiesBySlugs(slugs: readonly string[], view: StoryView): Promise<(StoryRecord | null)[]> {
    const rows = this.all(
      `SELECT ${STORY_COLUMNS} FROM stories s
       WHERE s.slug IN (SELECT value FROM json_each(@keys)) ${viewClause(view)}`,
      { keys: JSON.stringify(slugs) },
    );
    return byKey(slugs, rows.map(toStory), (s) => s.slug);
  }

  async storiesByCompanyIds(ids: readonly number[], view: StoryView): Promise<StoryRecord[][]> {
    return this.storiesGrouped('stories s', 's.company_id', ids, view, NEWEST_FIRST);
  }

  async storiesByPracticeIds(ids: readonly number[], view: StoryView): Promise<StoryRecord[][]> {
    const from = 'story_practices g JOIN stories s ON s.id = g.story_id';
    return this.storiesGrouped(from, 'g.practice_id', ids, view, NEWEST_FIRST);
  }

  async storiesByDays(days: readonly number[], view: StoryView): Promise<StoryRecord[][]> {
    return this.storiesGrouped('stories s', 's.day_number', days, view, NEWEST_FIRST);
  }

  async storiesByRecapDays(days: readonly number[], view: StoryView): Promise<StoryRecord[][]> {
    const from = 'recap_stories g JOIN stories s ON s.id = g.story_id';
    return this.storiesGrouped(from, 'g.recap_day', days, view, 'g.position');
  }

  /** Stories per key in one statement: `groupColumn` of `from` holds the key. */
  private storiesGrouped(
    from: string,
    groupColumn: string,
    keys: readonly number[],
    view: StoryView,
    orderBy: string,
  ): StoryRecord[][] {
    const rows = this.all(
      `SELECT ${STORY_COLUMNS}, ${groupColumn} AS group_key FROM ${from}
       WHERE ${groupColumn} IN (SELECT value FROM json_each(@keys)) ${viewClause(view)}
       ORDER BY ${orderBy}`,
      { keys: JSON.stringify(keys) },
    );
    return groupBy(keys, rows, (r) => r.group_key as number, toStory);
  }

  async relatedStories(storyIds: readonly number[], limit: number, view: StoryView): Promise<StoryRecord[][]> {
    const rows = this.all(
      `WITH shared AS (
         SELECT a.story_id AS origin, b.story_id AS other, COUNT(*) AS overlap
         FROM story_practices a JOIN story_practices b ON b.practice_id = a.practice_id AND b.story_id != a.story_id
         WHERE a.story_id IN (SELECT value FROM json_each(@keys))
         GROUP BY a.story_id, b.story_id
       ),
       ranked AS (
         SELECT shared.origin, ${STORY_COLUMNS},
           ROW_NUMBER() OVER (PARTITION BY shared.origin
             ORDER BY shared.overlap DESC, COALESCE(s.published_at, 0) DESC, s.slug) AS rank
         FROM shared JOIN stories s ON s.id = shared.other
         WHERE 1 ${viewClause(view)}
       )
       SELECT * FROM ranked WHERE rank <= @limit ORDER BY origin, rank`,
      { keys: JSON.stringify(storyIds), limit },
    );
    return groupBy(storyIds, rows, (r) => r.origin as number, toStory);
  }

  async listCompanies(): Promise<CompanyRecord[]> {
    return this.all('SELECT * FROM companies ORDER BY name').map(toCompany);
  }

  async companiesByIds(ids: readonly number[]): Promise<(CompanyRecord | null)[]> {
    const rows = this.all('SELECT * FROM companies WHERE id IN (SELECT value FROM json_each(@keys))', {
      keys: JSON.stringify(ids),
    });
    return byKey(ids, rows.map(toCompany), (c) => c.rowId);
  }

  async companiesBySlugs(slugs: readonly string[]): Promise<(CompanyRecord | null)[]> {
    const rows = this.all('SELECT * FROM companies WHERE slug IN (SELECT value FROM json_each(@keys))', {
      keys: JSON.stringify(slugs),
    });
    return byKey(slugs, rows.map(toCompany), (c) => c.slug);
  }

  async listPractices(): Promise<PracticeRecord[]> {
    return this.all('SELECT * FROM practices ORDER BY name').map(toPractice);
  }

  async practicesBySlugs(slugs: readonly string[]): Promise<(PracticeRecord | null)[]> {
    const rows = this.all('SELECT * FROM practices WHERE slug IN (SELECT value FROM json_each(@keys))', {
      keys: JSON.stringify(slugs),
    });
    return byKey(slugs, rows.map(toPractice), (p) => p.slug);
  }

  async practicesByStoryIds(ids: readonly number[]): Promise<PracticeRecord[][]> {
    const rows = this.all(
      `SELECT p.*, sp.story_id FROM story_practices sp JOIN practices p ON p.id = sp.practice_id
       WHERE sp.story_id IN (SELECT value FROM json_each(@keys)) ORDER BY sp.position`,
      { keys: JSON.stringify(ids) },
    );
    return groupBy(ids, rows, (r) => r.story_id as number, toPractice);
  }

  async metricsByStoryIds(ids: readonly number[]): Promise<MetricRecord[][]> {
    const rows = this.all(
      `SELECT m.story_id, m.label, m.value, m.unit, m.year, src.title AS source_title, src.url AS source_url,
         src.kind AS source_kind, src.publisher AS source_publisher, src.year AS source_year
       FROM metrics m LEFT JOIN sources src ON src.id = m.source_id
       WHERE m.story_id IN (SELECT value FROM json_each(@keys)) ORDER BY m.position`,
      { keys: JSON.stringify(ids) },
    );
    return groupBy(
      ids,
      rows,
      (r) => r.story_id as number,
      (r) => ({
        label: r.label as string,
        value: r.value as number,
        unit: r.unit as string,
        year: r.year as number | null,
        source:
          r.source_url == null
            ? null
            : toSource({
                title: r.source_title,
                url: r.source_url,
                kind: r.source_kind,
                publisher: r.source_publisher,
                year: r.source_year,
              }),
      }),
    );
  }

  async sourcesByStoryIds(ids: readonly number[]): Promise<SourceRecord[][]> {
    const rows = this.all(
      'SELECT * FROM sources WHERE story_id IN (SELECT value FROM json_each(@keys)) ORDER BY position',
      { keys: JSON.stringify(ids) },
    );
    return groupBy(ids, rows, (r) => r.story_id as number, toSource);
  }

  async listDays(): Promise<DayRecord[]> {
    return this.all('SELECT * FROM days ORDER BY number').map(toDay);
  }

  async daysByNumbers(numbers: readonly number[]): Promise<(DayRecord | null)[]> {
    const rows = this.all('SELECT * FROM days WHERE number IN (SELECT value FROM json_each(@keys))', {
      keys: JSON.stringify(numbers),
    });
    return byKey(numbers, rows.map(toDay), (d) => d.number);
  }

  async listRecaps(): Promise<RecapRecord[]> {
    return this.all('SELECT * FROM recaps ORDER BY day').map(toRecap);
  }

  async recapsByDays(days: readonly number[]): Promise<(RecapRecord | null)[]> {
    const rows = this.all('SELECT * FROM recaps WHERE day IN (SELECT value FROM json_each(@keys))', {
      keys: JSON.stringify(days),
    });
    return byKey(days, rows.map(toRecap), (r) => r.day);
  }

  async search(terms: readonly string[], limit: number, view: StoryView): Promise<SearchRecord[]> {
    // Each term is quoted, so FTS5 operators in user input are matched as text, never run as syntax.
    const match = terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
    const rows = this.all(
      `SELECT kind, key, -bm25(search_index, 8.0, 1.0) AS score,
         snippet(search_index, 1, '«', '»', '…', 16) AS snippet
       FROM search_index
       WHERE search_index MATCH @match ${view === 'published' ? 'AND published = 1' : ''}
       ORDER BY bm25(search_index, 8.0, 1.0), kind, key
       LIMIT @limit`,
      { match, limit },
    );
    // bm25 nears zero for terms most documents contain, so scores are scaled to the best hit (1.0).
    const best = Math.max(...rows.map((r) => r.score as number), Number.MIN_VALUE);
    return rows.map((r) => ({
      kind: r.kind as SearchRecord['kind'],
      key: String(r.key),
      score: Math.round(((r.score as number) / best) * 1000) / 1000,
      snippet: (r.snippet as string).replace(/\s+/g, ' ').trim(),
    }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function viewClause(view: StoryView): string {
  return view === 'published' ? `AND s.status = 'published'` : '';
}

/** Changes when the story or the way its body is rendered changes. */
function contentHash(story: StoryContent): string {
  return createHash('sha256')
    .update(JSON.stringify([MARKDOWN_RENDER_VERSION, story]))
    .digest('hex');
}

/** One entry per key, in key order; `null` where no row has that key. */
function byKey<K, T>(keys: readonly K[], items: T[], keyOf: (item: T) => K): (T | null)[] {
  const map = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((k) => map.get(k) ?? null);
}

/** One list per key, in key order, keeping row order within each list. */
function groupBy<K, T>(keys: readonly K[], rows: Row[], keyOf: (row: Row) => K, map: (row: Row) => T): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(map(row));
  return keys.map((k) => groups.get(k) ?? []);
}

function toStory(r: Row): StoryRecord {
  return {
    rowId: r.id as number,
    slug: r.slug as string,
    title: r.title as string,
    headline: r.headline as string,
    companyId: r.company_id as number,
    year: r.year as number | null,
    day: r.day_number as number | null,
    status: r.status as StoryRecord['status'],
    summary: r.summary as string,
    body: r.body as string,
    bodyHtml: r.body_html as string,
    bodyText: r.body_text as string,
    readingTimeMinutes: r.reading_time_minutes as number,
    publishedAt: r.published_at == null ? null : new Date(r.published_at as number),
    updatedAt: new Date(r.updated_at as number),
  };
}

function toCompany(r: Row): CompanyRecord {
  return {
    rowId: r.id as number,
    slug: r.slug as string,
    name: r.name as string,
    industry: r.industry as string,
    description: r.description as string,
  };
}

function toPractice(r: Row): PracticeRecord {
  return {
    rowId: r.id as number,
    slug: r.slug as string,
    name: r.name as string,
    description: r.description as string,
  };
}

function toSourceKind(kind: SourceKindName): SourceRecord['kind'] {
  return kind.toUpperCase() as SourceRecord['kind'];
}

function toSource(r: Row): SourceRecord {
  return {
    title: r.title as string,
    url: r.url as string,
    kind: r.kind as SourceRecord['kind'],
    publisher: (r.publisher as string | null) ?? null,
    year: (r.year as number | null) ?? null,
  };
}

function toDay(r: Row): DayRecord {
  return {
    number: r.number as number,
    title: r.title as string,
    topic: r.topic as string,
    summary: r.summary as string,
    body: r.body as string,
    bodyHtml: r.body_html as string,
    bodyText: r.body_text as string,
  };
}

function toRecap(r: Row): RecapRecord {
  return {
    day: r.day as number,
    title: r.title as string,
    points: JSON.parse(r.points as string) as string[],
    coversDays: JSON.parse(r.covers_days as string) as number[],
    body: r.body as string,
    bodyHtml: r.body_html as string,
    bodyText: r.body_text as string,
  };
}
