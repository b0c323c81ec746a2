import { ContentError } from './content.error.js';
import { defaultContentDir, loadContent } from './content.loader.js';

const dir = process.argv[2] ?? defaultContentDir;
/** `1 recap`, `6 days`: a count with its noun in the right number. */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
try {
  const c = loadContent(dir);
  const drafts = c.stories.filter((s) => s.status === 'draft').length;
  const metrics = c.stories.reduce((n, s) => n + s.metrics.length, 0);
  console.log(
    `content ok: ${count(c.stories.length, 'story', 'stories')} (${count(drafts, 'draft')}), ${count(metrics, 'metric')}, ` +
      `${count(c.companies.length, 'company', 'companies')}, ${count(c.practices.length, 'practice')}, ` +
      `${count(c.days.length, 'day')}, ${count(c.recaps.length, 'recap')}`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
