import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultContentDir, loadContent } from '@devops-stories/story-content';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueBundle } from '../catalogue/catalogue.js';
import { CATALOGUE_MANIFEST, writeCatalogue } from './write-catalogue.js';

/** Path → sha256 of every file under `dir`. */
function digest(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

const contentBefore = digest(defaultContentDir);
const written: string[] = [];
afterAll(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});

const bySlug = <T extends { slug: string }>(items: T[]) => [...items].sort((a, b) => (a.slug < b.slug ? -1 : 1));
/** A record as generated: the loader also says which file it was read from. */
const unfiled = <T extends { file?: string }>(items: T[]) =>
  items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'file')));

describe('writeCatalogue', () => {
  it('writes 1,000 stories that the content loader accepts, equal to the bundle of the same seed', async () => {
    const catalogue = await writeCatalogue({ stories: 1_000, seed: 'loader' });
    written.push(catalogue.dir);
    expect(catalogue.dir.startsWith(tmpdir())).toBe(true);
    const loaded = loadContent(catalogue.dir); // throws ContentError naming every problem
    const { bundle, summary } = catalogueBundle({ stories: 1_000, seed: 'loader' });
    expect(loaded.stories).toHaveLength(1_000);
    expect(unfiled(bySlug(loaded.stories))).toEqual(bySlug(bundle.stories));
    expect(unfiled(bySlug(loaded.companies))).toEqual(bySlug(bundle.companies));
    expect(unfiled(bySlug(loaded.practices))).toEqual(bySlug(bundle.practices));
    expect(unfiled(loaded.days)).toEqual(bundle.days);
    expect(unfiled(loaded.recaps)).toEqual(bundle.recaps);
    expect(loaded.series).toEqual(bundle.series);
    expect(catalogue.summary).toEqual(summary);
    expect(catalogue.files).toBe(1 + 25 + 40 + 90 + 15 + 1_000);
    const manifest = JSON.parse(readFileSync(join(catalogue.dir, CATALOGUE_MANIFEST), 'utf8'));
    expect(manifest.summary).toEqual(summary);
    expect(manifest.options).toMatchObject({ stories: 1_000, seed: 'loader', companies: 25, practices: 40, days: 90 });
  });

  it('writes the same files, byte for byte, for the same seed', async () => {
    const first = await writeCatalogue({ stories: 150, seed: 42 });
    const second = await writeCatalogue({ stories: 150, seed: 42 });
    const other = await writeCatalogue({ stories: 150, seed: 43 });
    written.push(first.dir, second.dir, other.dir);
    expect(digest(second.dir)).toEqual(digest(first.dir));
    expect(digest(other.dir)).not.toEqual(digest(first.dir));
  });

  it('streams: memory kept while writing does not grow with the stories written', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const retained: { stories: number; heap: number }[] = [];
    const catalogue = await writeCatalogue({
      stories: 4_000,
      seed: 'memory',
      progressEvery: 500,
      onProgress: (stories) => {
        gc();
        retained.push({ stories, heap: process.memoryUsage().heapUsed });
      },
    });
    written.push(catalogue.dir);
    const first = retained[0];
    const last = retained[retained.length - 1];
    expect(first.stories).toBe(500);
    expect(last.stories).toBe(4_000);
    // 3,500 stories of about 4.7 kB went by between the two points: some 16 MB of text, which a
    // catalogue built in memory first would still hold. Streaming keeps a few files in flight.
    const textBetween = (catalogue.bytes * (last.stories - first.stories)) / 4_000;
    expect(textBetween).toBeGreaterThan(12_000_000);
    expect(last.heap - first.heap).toBeLessThan(textBetween / 8);
  });

  it('writes only inside the system temp dir, to an empty folder, and otherwise writes nothing', async () => {
    // Refused whether or not the workspace itself sits under the temp dir (a CI checkout may).
    await expect(writeCatalogue({ stories: 10, dir: defaultContentDir })).rejects.toThrow(/never among real content/);
    const beside = fileURLToPath(new URL('../../synthetic-output', import.meta.url));
    await expect(writeCatalogue({ stories: 10, dir: beside })).rejects.toThrow(/never among real content/);
    expect(existsSync(beside)).toBe(false);
    await expect(writeCatalogue({ stories: 10, dir: tmpdir() })).rejects.toThrow(/outside it/);
    const used = mkdtempSync(join(tmpdir(), 'synthetic-used-'));
    written.push(used);
    writeFileSync(join(used, 'keep.txt'), 'mine');
    await expect(writeCatalogue({ stories: 10, dir: used })).rejects.toThrow(/is not empty/);
    expect(readdirSync(used)).toEqual(['keep.txt']);
    const fresh = join(used, 'nested', 'catalogue');
    expect((await writeCatalogue({ stories: 10, dir: fresh })).dir).toBe(fresh);
    expect(loadContent(fresh).stories).toHaveLength(10);
  });

  it('never touched the real content folder', () => {
    expect(digest(defaultContentDir)).toEqual(contentBefore);
    expect(contentBefore.size).toBeGreaterThan(20);
  });
});
