import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CatalogueSummary, catalogueItems, SummaryCounter } from '../catalogue/catalogue.js';
import { type CatalogueOptions, planCatalogue } from '../catalogue/catalogue-plan.js';
import {
  companyFile,
  type ContentFile,
  dayFile,
  practiceFile,
  recapFile,
  seriesFile,
  storyFile,
} from './content-files.js';

/** The file a written catalogue ends with: its options and summary (the loader ignores it). */
export const CATALOGUE_MANIFEST = 'synthetic-catalogue.json';

/** Options of {@link writeCatalogue}. */
export interface WriteCatalogueOptions extends CatalogueOptions {
  /**
   * The folder to write, inside the system temp dir (`os.tmpdir()`), absent or empty; by default
   * a new one there. Anywhere else is refused, so a catalogue never lands among real content.
   */
  dir?: string;
  /** Called after every `progressEvery` stories written (default 1,000), and once at the end. */
  onProgress?: (written: number, total: number) => void;
  progressEvery?: number;
}

/** A catalogue written to a folder. */
export interface WrittenCatalogue {
  /** The folder, a content folder `loadContent(dir)` reads. */
  dir: string;
  summary: CatalogueSummary;
  /** Files and bytes written. */
  files: number;
  bytes: number;
}

/** Files being written at once: enough to keep the disk busy, few enough that memory stays flat. */
const IN_FLIGHT = 16;

/**
 * Writes a synthetic catalogue as a content folder (`series.yaml`, `companies/`, `practices/`,
 * `days/`, `recaps/`, `stories/`, then {@link CATALOGUE_MANIFEST}), streaming: each story is
 * generated, written and let go, so memory does not grow with the catalogue.
 *
 * @throws {Error} when `dir` is outside the system temp dir, inside this workspace, or not empty (nothing is written);
 * {@link RangeError} for options `planCatalogue` refuses.
 */
export async function writeCatalogue(options: WriteCatalogueOptions): Promise<WrittenCatalogue> {
  const plan = planCatalogue(options);
  const dir = prepareFolder(options.dir);
  const every = options.progressEvery ?? 1_000;
  const counter = new SummaryCounter(plan);
  const inFlight = new Set<Promise<void>>();
  const madeDirs = new Set<string>();
  let files = 0;
  let bytes = 0;
  let stories = 0;
  const write = async (file: ContentFile) => {
    const path = join(dir, file.path);
    const folder = dirname(path);
    if (!madeDirs.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeDirs.add(folder);
    }
    const pending = writeFile(path, file.text, { flag: 'wx' }).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
    files++;
    bytes += Buffer.byteLength(file.text);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  for (const item of catalogueItems(plan)) {
    switch (item.kind) {
      case 'series':
        await write(seriesFile(item.value));
        break;
      case 'company':
        await write(companyFile(item.value));
        break;
      case 'practice':
        await write(practiceFile(item.value));
        break;
      case 'day':
        await write(dayFile(item.value));
        break;
      case 'recap':
        await write(recapFile(item.value));
        break;
      case 'story':
        counter.add(item.value);
        await write(storyFile(item.value));
        stories++;
        if (stories % every === 0 && stories < plan.stories) options.onProgress?.(stories, plan.stories);
        break;
    }
  }
  await Promise.all(inFlight);
  const summary = counter.summary();
  const { seed, companies, practices, days, draftShare } = plan;
  const manifest = {
    options: { stories: plan.stories, companies, practices, days, seed, draftShare },
    summary,
    files,
    bytes,
  };
  await writeFile(join(dir, CATALOGUE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  options.onProgress?.(stories, plan.stories);
  return { dir, summary, files, bytes };
}

/** Creates the target folder (or checks the given one) inside the system temp dir. */
function prepareFolder(requested: string | undefined): string {
  const temp = realpathSync(tmpdir());
  if (requested === undefined) return mkdtempSync(join(temp, 'synthetic-catalogue-'));
  const dir = resolve(requested);
  const real = realParent(dir);
  if (!isInside(temp, real)) {
    throw new Error(
      `a synthetic catalogue is written only inside the system temp dir (${temp}), never among real content: ${dir} is outside it`,
    );
  }
  // A workspace checked out under the temp dir (as CI may do) holds real content too.
  const workspace = workspaceRoot();
  if (workspace && (isInside(workspace, real) || real === workspace)) {
    throw new Error(
      `a synthetic catalogue goes to a temp folder of its own, never among real content: ${dir} is inside the workspace ${workspace}`,
    );
  }
  if (existsSync(dir) && readdirSync(dir).length) {
    throw new Error(`${dir} is not empty: a synthetic catalogue is written to a new or empty folder`);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Whether `path` is strictly inside `folder`. */
function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** The Nx workspace this module is part of (the nearest folder above it with nx.json), if any. */
function workspaceRoot(): string | undefined {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(folder, 'nx.json'))) return realpathSync(folder);
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** `path` with its symbolic links resolved, for the part of it that exists. */
function realParent(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    rest.unshift(existing.slice(dirname(existing).length + 1));
    existing = dirname(existing);
  }
  return join(realpathSync(existing), ...rest);
}
