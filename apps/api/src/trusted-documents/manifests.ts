import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SchemaModule } from '@devops-stories/story-graph';
import { findConsumerProjects } from '../schema-usage/consumer-operations.js';

/** A persisted-documents manifest as graphql-codegen's client preset writes it: sha256 hex → document text. */
export type Manifest = Readonly<Record<string, string>>;

/** One manifest and where it came from, for the start log and error messages. */
export interface ManifestSource {
  /** e.g. `apps/web/src/gql/persisted-documents.json`, `schema module "glossary"`, `TRUSTED_DOCUMENTS_DIR/admin.json` */
  source: string;
  manifest: Manifest;
}

/** Thrown at start for a manifest that cannot be trusted: malformed, or an id that is not its text's sha256. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** The lower-case hex sha256 of a document's UTF-8 text: its id without the `sha256:` prefix. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const FILE_NAME = 'persisted-documents.json';
const SKIPPED = new Set(['node_modules', 'dist', 'out-tsc', 'test-output', 'coverage', '.vite', '.nx', 'tmp']);

function manifestFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : manifestFiles(path);
    return entry.isFile() && entry.name === FILE_NAME ? [path] : [];
  });
}

/**
 * Reads and checks one manifest: a JSON object whose keys are the sha256 (hex, with or without
 * `sha256:`) of their document text.
 *
 * @throws {ManifestError} naming the source and the first bad entry.
 */
export function parseManifest(text: string, source: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${source} is not JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ManifestError(`${source} must be a JSON object of "<sha256 hex>": "<document>"`);
  }
  const manifest: Record<string, string> = {};
  for (const [key, document] of Object.entries(json)) {
    const hash = key.startsWith('sha256:') ? key.slice('sha256:'.length) : key;
    if (typeof document !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
      throw new ManifestError(`${source}: "${key.slice(0, 80)}" must be a sha256 hex id with a document string`);
    }
    if (documentHash(document) !== hash) {
      throw new ManifestError(
        `${source}: the document under ${hash.slice(0, 12)}… does not hash to its id; regenerate the manifest`,
      );
    }
    manifest[hash] = document;
  }
  return manifest;
}

/**
 * Every `persisted-documents.json` of every project tagged `type:consumer` in the workspace at
 * `workspaceRoot` (the web client's core and glossary manifests, the portal's), sorted by path.
 * Nothing when `workspaceRoot` holds no workspace (a deployment of the built api alone).
 */
export function consumerManifests(workspaceRoot: string): ManifestSource[] {
  if (!existsSync(join(workspaceRoot, 'package.json'))) return [];
  return findConsumerProjects(workspaceRoot)
    .flatMap((consumer) => manifestFiles(join(workspaceRoot, consumer.root, 'src')))
    .sort()
    .map((file) => {
      const source = relative(workspaceRoot, file).split('\\').join('/');
      return { source, manifest: parseManifest(readFileSync(file, 'utf8'), source) };
    });
}

/** Every `*.json` file in `folder` (`TRUSTED_DOCUMENTS_DIR`), each a manifest, sorted by name. */
export function folderManifests(folder: string): ManifestSource[] {
  if (!existsSync(folder)) throw new ManifestError(`TRUSTED_DOCUMENTS_DIR ${folder} does not exist`);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const source = `TRUSTED_DOCUMENTS_DIR/${name}`;
      return { source, manifest: parseManifest(readFileSync(join(folder, name), 'utf8'), source) };
    });
}

/**
 * The manifests whose documents the api trusts: every consumer's in the workspace (none when
 * `workspaceRoot` is null), those the schema modules ship, and those in `folder`
 * (`TRUSTED_DOCUMENTS_DIR`).
 */
export function trustedManifests(options: {
  workspaceRoot: string | null;
  modules: readonly SchemaModule[];
  folder: string | null;
}): ManifestSource[] {
  return [
    ...(options.workspaceRoot ? consumerManifests(options.workspaceRoot) : []),
    ...options.modules
      .filter((m) => m.trustedDocuments?.length)
      .map((m) => ({
        source: `schema module "${m.name}"`,
        manifest: Object.fromEntries((m.trustedDocuments ?? []).map((text) => [documentHash(text), text])),
      })),
    ...(options.folder ? folderManifests(options.folder) : []),
  ];
}
