import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { type LaunchedApi, launchApi } from '@devops-stories/api-launcher';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url));
const NX_BIN = join(
  WORKSPACE,
  'node_modules/nx',
  JSON.parse(readFileSync(join(WORKSPACE, 'node_modules/nx/package.json'), 'utf8')).bin.nx,
);
const MODULE = {
  name: 'badges',
  packageName: '@devops-stories/schema-badges',
  typeName: 'Badges',
  queryField: 'badges',
};

/**
 * The environment for the nested Nx and server processes: the outer Nx task's and
 * vitest's own variables would otherwise leak into them.
 */
const childEnv: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(NX_|VITEST|npm_)|^(NODE_ENV|NODE_OPTIONS)$/.test(key)),
  ),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: '0',
};

/**
 * Copies the repository as git sees it (tracked and untracked, not ignored) and gives
 * the copy its own node_modules: links to the installed packages, but workspace
 * packages linked to the copy's projects, so that its imports resolve inside it.
 */
function copyWorkspace(into: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: WORKSPACE,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = join(WORKSPACE, file);
    const stat = lstatSync(from, { throwIfNoEntry: false });
    if (!stat) continue;
    mkdirSync(dirname(join(into, file)), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), join(into, file));
    else copyFileSync(from, join(into, file));
  }
  mkdirSync(join(into, 'node_modules'));
  for (const entry of readdirSync(join(WORKSPACE, 'node_modules'))) {
    if (entry !== '@devops-stories')
      symlinkSync(join(WORKSPACE, 'node_modules', entry), join(into, 'node_modules', entry));
  }
  linkWorkspacePackages(into);
}

/** What `npm install` does for the workspace packages: a relative link per project, skipping ones already linked. */
function linkWorkspacePackages(root: string): void {
  for (const group of ['apps', 'libs', 'tools']) {
    if (!existsSync(join(root, group))) continue;
    for (const project of readdirSync(join(root, group))) {
      const manifest = join(root, group, project, 'package.json');
      if (!existsSync(manifest)) continue;
      const link = join(root, 'node_modules', JSON.parse(readFileSync(manifest, 'utf8')).name);
      if (existsSync(link)) continue;
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), join(root, group, project)), link);
    }
  }
}

interface Run {
  code: number | null;
  output: string;
}

function run(cwd: string, command: string, args: string[], timeoutMs = 300_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: stripVTControlCharacters(output) });
    });
  });
}

async function nx(cwd: string, ...args: string[]): Promise<string> {
  const started = performance.now();
  const result = await run(cwd, process.execPath, [NX_BIN, ...args]);
  if (result.code !== 0) throw new Error(`nx ${args.join(' ')} exited with ${result.code}:\n${result.output}`);
  console.log(`nx ${args.join(' ')}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result.output;
}

describe('schema-module generator in a copy of the repository', () => {
  let copy: string;
  let api: LaunchedApi | undefined;

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'devops-stories-generator-e2e-'));
    copyWorkspace(copy);
  }, 120_000);

  afterAll(async () => {
    await api?.stop('SIGTERM');
    if (copy) rmSync(copy, { recursive: true, force: true });
  }, 60_000);

  it('refuses an invalid name through the Nx CLI and writes nothing', async () => {
    const registry = readFileSync(join(copy, 'apps/api/src/schema-modules.ts'), 'utf8');
    const libs = readdirSync(join(copy, 'libs')).sort();

    const result = await run(copy, process.execPath, [
      NX_BIN,
      'g',
      '@devops-stories/workspace-plugin:schema-module',
      'Badges',
      '--no-interactive',
    ]);

    expect(result.code).not.toBe(0);
    expect(result.output).toContain('"Badges" is not a valid schema module name: use kebab-case');
    expect(readdirSync(join(copy, 'libs')).sort()).toEqual(libs);
    expect(readFileSync(join(copy, 'apps/api/src/schema-modules.ts'), 'utf8')).toBe(registry);
  });

  it('generates a module whose own checks pass, emits it into the schema and serves its query from the API', async () => {
    const generated = await nx(
      copy,
      'g',
      '@devops-stories/workspace-plugin:schema-module',
      MODULE.name,
      '--no-interactive',
    );
    expect(generated).toContain(`CREATE libs/schema-${MODULE.name}/src/${MODULE.name}/${MODULE.name}.resolver.spec.ts`);
    expect(generated).toContain('UPDATE apps/api/src/schema-modules.ts');
    expect(generated).toContain('Next steps:');
    linkWorkspacePackages(copy);

    await nx(copy, 'sync:check');
    const checks = await nx(copy, 'run-many', '-t', 'lint', 'test', '-p', MODULE.packageName, '--outputStyle=static');
    expect(checks).toMatch(new RegExp(`${MODULE.name}\\.resolver\\.spec\\.ts.*1 test`));
    expect(checks).toMatch(/Tests\s+1 passed \(1\)/);
    // Its dependencies were built by the test run and are type-checked by their own targets in npm test.
    await nx(copy, 'run', `${MODULE.packageName}:typecheck`, '--excludeTaskDependencies', '--outputStyle=static');

    await nx(copy, 'run', '@devops-stories/api:emit-schema', '--outputStyle=static');
    const schema = buildSchema(readFileSync(join(copy, 'apps/api/schema.graphql'), 'utf8'));
    expect(schema.getType(MODULE.typeName)?.toString()).toBe(MODULE.typeName);
    const queries = schema.getQueryType()?.getFields() ?? {};
    expect(String(queries[MODULE.queryField]?.type)).toBe(`${MODULE.typeName}!`);
    expect(queries.story).toBeDefined();

    // The copy's own build, started the way every test and benchmark starts the api.
    api = await launchApi({ main: join(copy, 'apps/api/dist/main.js'), cwd: copy, timeoutMs: 60_000 });
    const response = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ ${MODULE.queryField} { __typename module summary } story(slug: "netflix") { slug } }`,
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data[MODULE.queryField]).toEqual({
      __typename: MODULE.typeName,
      module: MODULE.name,
      summary: expect.stringContaining(MODULE.name),
    });
    expect(body.data.story).toEqual({ slug: 'netflix' });
  });
});
