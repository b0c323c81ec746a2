import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  visit,
} from 'graphql';

/** The Nx tag that marks a project as a consumer of the API. */
export const CONSUMER_TAG = 'type:consumer';

/** A project tagged {@link CONSUMER_TAG}. */
export interface ConsumerProject {
  /** Its folder from the workspace root, such as `apps/portal`: how reports name it. */
  root: string;
  /** Its package name, such as `@devops-stories/portal`. */
  packageName: string;
}

/** One operation a consumer sends, with the fragments it spreads. */
export interface ConsumerOperation {
  consumer: ConsumerProject;
  /** The operation's name, or `(anonymous)`. */
  name: string;
  /** The operation and every fragment it needs, as one document. */
  document: DocumentNode;
  /** Where it was found, relative to the project: `src/operations.ts:24`, `src/gql/persisted-documents.json (edff3e14…)`. */
  source: string;
}

/** What {@link collectConsumerOperations} found, and what it could not read. */
export interface ConsumerOperations {
  consumers: ConsumerProject[];
  operations: ConsumerOperation[];
  /** Documents that do not parse or spread an unknown fragment, each with its place: the check fails on any. */
  problems: string[];
}

/** Folders that hold builds, dependencies or test output, never a consumer's operations. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out-tsc', 'test-output', 'coverage', '.vite', '.nx', 'tmp']);
/** Test code may hold documents that are wrong on purpose; they are not operations the consumer sends. */
const TEST_FILE = /(^|\/)(test|e2e)\/|\.(spec|test|e2e)\.[cm]?[jt]sx?$/;
const CODE_FILE = /\.[cm]?[jt]sx?$/;
/** A client-preset `graphql(`...`)` call: codegen allows only a static template literal there. */
const GRAPHQL_CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

/**
 * The workspace's projects whose `package.json` tags them {@link CONSUMER_TAG}, found through the
 * root `package.json`'s `workspaces` (folders such as `apps/*`), sorted by folder.
 */
export function findConsumerProjects(workspaceRoot: string): ConsumerProject[] {
  const rootPackage = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as {
    workspaces?: string[];
  };
  const roots = (rootPackage.workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    if (!existsSync(join(workspaceRoot, parent))) return [];
    return readdirSync(join(workspaceRoot, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
  const consumers: ConsumerProject[] = [];
  for (const root of roots) {
    const file = join(workspaceRoot, root, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; nx?: { tags?: string[] } };
    if (pkg.nx?.tags?.includes(CONSUMER_TAG)) consumers.push({ root, packageName: pkg.name ?? root });
  }
  return consumers.sort((a, b) => a.root.localeCompare(b.root));
}

function projectFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : projectFiles(path);
    return entry.isFile() ? [path] : [];
  });
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** The fragments `definition` spreads, directly and through other fragments, by name. */
function fragmentClosure(
  definition: DefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  missing: Set<string>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [definition];
  for (let next = pending.pop(); next; next = pending.pop()) {
    visit(next, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (found.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) return void missing.add(name);
        found.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...found.values()];
}

/**
 * Every operation of one consumer: each entry of each `persisted-documents.json` manifest (a
 * complete document), and each operation in its `.graphql` files and `graphql(`...`)` calls,
 * with the fragments it spreads from any of them (as graphql-codegen resolves them). Test
 * files and build output are left out.
 */
export function collectProjectOperations(
  workspaceRoot: string,
  consumer: ConsumerProject,
): { operations: ConsumerOperation[]; problems: string[] } {
  const folder = join(workspaceRoot, consumer.root);
  const fromManifests: ConsumerOperation[] = [];
  const operations: ConsumerOperation[] = [];
  const problems: string[] = [];
  const sources: { document: DocumentNode; source: string }[] = [];
  const parseAt = (text: string, source: string) => {
    try {
      return parse(text);
    } catch (error) {
      problems.push(`${consumer.root}/${source}: ${(error as Error).message}`);
      return undefined;
    }
  };

  for (const file of projectFiles(folder)) {
    const path = relative(folder, file).split('\\').join('/');
    if (path.endsWith('persisted-documents.json')) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      for (const [hash, text] of Object.entries(manifest)) {
        const source = `${path} (${hash.slice(0, 8)}…)`;
        const document = parseAt(text, source);
        if (!document) continue;
        for (const operation of operationsOf(document)) {
          fromManifests.push({ consumer, name: operation.name?.value ?? '(anonymous)', document, source });
        }
      }
    } else if (/\.(graphql|gql)$/.test(path)) {
      const document = parseAt(readFileSync(file, 'utf8'), path);
      if (document) sources.push({ document, source: path });
    } else if (CODE_FILE.test(path) && !path.endsWith('.d.ts') && !TEST_FILE.test(path)) {
      const text = readFileSync(file, 'utf8');
      for (const call of text.matchAll(GRAPHQL_CALL)) {
        const source = `${path}:${lineOf(text, call.index)}`;
        const document = parseAt(call[1], source);
        if (document) sources.push({ document, source });
      }
    }
  }

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of sources) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
  }
  for (const { document, source } of sources) {
    for (const operation of operationsOf(document)) {
      const missing = new Set<string>();
      const needed = fragmentClosure(operation, fragments, missing);
      const name = operation.name?.value ?? '(anonymous)';
      if (missing.size)
        problems.push(`${consumer.root}/${source}: ${name} spreads unknown fragment ${[...missing].join(', ')}`);
      operations.push({
        consumer,
        name,
        document: { kind: Kind.DOCUMENT, definitions: [operation, ...needed] },
        source,
      });
    }
  }
  return { operations: [...operations, ...fromManifests], problems };
}

/** Every operation of every consumer project in the workspace. */
export function collectConsumerOperations(workspaceRoot: string): ConsumerOperations {
  const consumers = findConsumerProjects(workspaceRoot);
  const operations: ConsumerOperation[] = [];
  const problems: string[] = [];
  for (const consumer of consumers) {
    const found = collectProjectOperations(workspaceRoot, consumer);
    operations.push(...found.operations);
    problems.push(...found.problems);
  }
  return { consumers, operations, problems };
}
