import { ContentError } from './content.error.js';
import { defaultContentDir, loadContent } from './content.loader.js';

const dir = process.argv[2] ?? defaultContentDir;
try {
  const c = loadContent(dir);
  const drafts = c.stories.filter((s) => s.status === 'draft').length;
  const metrics = c.stories.reduce((n, s) => n + s.metrics.length, 0);
  console.log(
    `content ok: ${c.stories.length} stories (${drafts} draft), ${metrics} metrics, ` +
      `${c.companies.length} companies, ${c.practices.length} practices, ${c.days.length} days, ${c.recaps.length} recaps`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
