import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WORKSPACE = fileURLToPath(new URL('../../../../', import.meta.url));

/** README.md and every Markdown file under docs/, as workspace-relative paths. */
function documents(): string[] {
  const docs = join(WORKSPACE, 'docs');
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(folder, entry.name))
        : entry.name.endsWith('.md')
          ? [relative(WORKSPACE, join(folder, entry.name))]
          : [],
    );
  return ['README.md', ...(existsSync(docs) ? walk(docs) : [])];
}

/** The anchors GitHub gives a Markdown file's headings (lower case, punctuation dropped, spaces to `-`, repeats numbered). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count ? `${base}-${count}` : base);
  }
  return result;
}

/** Every link target in a Markdown file outside code: `[text](target)`, `![alt](target)` and `href="target"`. */
function links(markdown: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  let fenced = false;
  markdown.split('\n').forEach((text, index) => {
    if (/^\s*```/.test(text)) fenced = !fenced;
    if (fenced) return;
    const prose = text.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|href="([^"]+)"/g)) {
      found.push({ target: match[1] ?? match[2], line: index + 1 });
    }
  });
  return found;
}

/** Workspace paths named in inline code that point outside the file's folder tree, e.g. `../shared/DESIGN.md`. */
function pathsInCode(markdown: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  markdown.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/`(\.\.?\/[^`\s]+\.md)`/g)) found.push({ target: match[1], line: index + 1 });
  });
  return found;
}

describe('the README and docs/', () => {
  const files = documents();

  it('include the API contract', () => {
    expect(files).toContain('docs/api-contract.md');
  });

  it.each(files)('%s: every relative link and file path named in code resolves inside the repository', (file) => {
    const markdown = readFileSync(join(WORKSPACE, file), 'utf8');
    const broken: string[] = [];
    const check = (target: string, line: number) => {
      if (/^[a-z][a-z+.-]*:/i.test(target)) return; // https:, mailto: ...: not a file of this repository
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const absolute = path ? resolve(WORKSPACE, dirname(file), decodeURIComponent(path)) : join(WORKSPACE, file);
      const where = `${file}:${line} → ${target}`;
      if (relative(WORKSPACE, absolute).startsWith('..')) return void broken.push(`${where}: outside the repository`);
      if (!existsSync(absolute)) return void broken.push(`${where}: no such file`);
      if (anchor && absolute.endsWith('.md') && statSync(absolute).isFile()) {
        if (!anchors(readFileSync(absolute, 'utf8')).has(anchor)) broken.push(`${where}: no heading with that anchor`);
      }
    };
    for (const { target, line } of links(markdown)) check(target, line);
    for (const { target, line } of pathsInCode(markdown)) check(target, line);
    expect(broken).toEqual([]);
  });

  it('the check finds what is broken', () => {
    expect(
      anchors('# A title\n## Limits and the cost model\n```\n# not a heading\n```\n## `npm start`, again\n'),
    ).toEqual(new Set(['a-title', 'limits-and-the-cost-model', 'npm-start-again']));
    expect(
      links('[a](#x) and ![b](img.png "t") and `[c](#code)` and <a href="docs/y.md">\n```\n[d](#fenced)\n```'),
    ).toEqual([
      { target: '#x', line: 1 },
      { target: 'img.png', line: 1 },
      { target: 'docs/y.md', line: 1 },
    ]);
    expect(pathsInCode('Names follow `../shared/DESIGN.md` and `apps/api/schema.graphql`.')).toEqual([
      { target: '../shared/DESIGN.md', line: 1 },
    ]);
  });
});
