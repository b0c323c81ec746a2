import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  companyToMarkdown,
  ContentError,
  defaultContentDir,
  loadContent,
  practiceToMarkdown,
  storyToMarkdown,
} from '@devops-stories/story-content';
import { openSqliteStore, type StoryStore } from '@devops-stories/story-store';

/**
 * `npm run content:export -- <slug> [--dir <content folder>]`: writes the API story `<slug>` as a
 * Markdown file of the content folder (with its company and practices, when they were created
 * over the API too), checks that the loader accepts the folder, then hands the records over to
 * the files: from then on they are file records, edited in the files and owned by the import.
 */
export async function exportStory(
  store: StoryStore,
  slug: string,
  dir: string,
  out: (line: string) => void,
): Promise<number> {
  const [story] = await store.storyDocuments([slug]);
  if (!story) {
    out(`There is no story "${slug}".`);
    return 1;
  }
  if (story.origin === 'file') {
    out(`The story "${slug}" is the file ${story.sourceFile} already.`);
    return 1;
  }
  const [[company], practices, [day]] = await Promise.all([
    store.companiesBySlugs([story.company]),
    store.practicesBySlugs(story.practices),
    story.day === null ? Promise.resolve([null]) : store.daysByNumbers([story.day]),
  ]);
  if (day?.origin === 'api') {
    out(
      `The story's day ${day.number} was created over the API; write it as days/ file first, or clear the story's day.`,
    );
    return 1;
  }
  const files: { kind: 'Story' | 'Company' | 'Practice'; key: string; file: string; text: string }[] = [];
  files.push({ kind: 'Story', key: slug, file: `stories/${slug}.md`, text: storyToMarkdown(story) });
  if (company?.origin === 'api') {
    files.push({
      kind: 'Company',
      key: company.slug,
      file: `companies/${company.slug}.md`,
      text: companyToMarkdown(company),
    });
  }
  for (const practice of practices) {
    if (practice?.origin === 'api') {
      files.push({
        kind: 'Practice',
        key: practice.slug,
        file: `practices/${practice.slug}.md`,
        text: practiceToMarkdown(practice),
      });
    }
  }
  const taken = files.filter((f) => existsSync(join(dir, f.file)));
  if (taken.length) {
    out(`Not overwriting ${taken.map((f) => f.file).join(', ')}: move it away or choose another slug.`);
    return 1;
  }
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.file)), { recursive: true });
    writeFileSync(join(dir, f.file), f.text);
  }
  try {
    loadContent(dir);
  } catch (error) {
    for (const f of files) rmSync(join(dir, f.file), { force: true });
    if (!(error instanceof ContentError)) throw error;
    out(`The exported files would not load, so nothing was exported:\n${error.message}`);
    return 1;
  }
  const handed = await store.handOver(
    files.map(({ kind, key, file }) => ({ kind, key, file })),
    'cli',
  );
  if (!handed.ok) {
    for (const f of files) rmSync(join(dir, f.file), { force: true });
    out(handed.problem.message);
    return 1;
  }
  for (const f of files) out(`wrote ${join(dir, f.file)}`);
  out(
    'The records are file records now: review and commit the files; edit them there from now on ' +
      '(mutations answer EDIT_IN_SOURCE), and the import keeps them in step on each start.',
  );
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' } } });
  if (positionals.length !== 1) {
    console.log('usage: npm run content:export -- <slug> [--dir <content folder>]');
    process.exitCode = 2;
  } else {
    const store = openSqliteStore({ url: process.env['DATABASE_URL'] ?? 'sqlite:./data/stories.db' });
    exportStory(store, positionals[0], values.dir ?? defaultContentDir, (line) => console.log(line))
      .then((code) => (process.exitCode = code))
      .finally(() => store.close());
  }
}
