import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const schema = readFileSync(`${workspaceRoot}apps/api/schema.graphql`, 'utf8');
const RULE = '@graphql-eslint/no-deprecated';

/** Lints the consumer's files from its own folder, as `nx lint` does, against `schemaFile` if given. */
async function deprecationWarnings(project: string, files: string[], schemaFile?: string) {
  const eslint = new ESLint({
    cwd: `${workspaceRoot}${project}`,
    overrideConfig: schemaFile
      ? [
          {
            basePath: workspaceRoot,
            files: [`${project}/src/**/*.graphql`],
            languageOptions: { parserOptions: { graphQLConfig: { schema: schemaFile } } },
          },
        ]
      : undefined,
  });
  const results = await eslint.lintFiles(files);
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId === RULE)
      .map((message) => ({
        file: result.filePath.slice(workspaceRoot.length),
        line: message.line,
        severity: message.severity,
        message: message.message,
      })),
  );
}

/** The 1-based lines of `file` that select `field`. */
function linesSelecting(file: string, field: string): number[] {
  return readFileSync(`${workspaceRoot}${file}`, 'utf8')
    .split('\n')
    .flatMap((text, index) => (new RegExp(`^\\s+${field}$`).test(text) ? [index + 1] : []));
}

describe("consumers' lint warns on every use of a deprecated field", () => {
  let dir: string;
  let deprecatedSchema: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deprecated-'));
    deprecatedSchema = join(dir, 'schema.graphql');
    // Story's own field: input types (CreateStoryInput, ...) have a `headline` too.
    const sdl = schema.replace(
      /^(type Story implements Node \{[^}]*?^ {2}headline: String!)$/m,
      '$1 @deprecated(reason: "Use `summary`.")',
    );
    expect(sdl).not.toBe(schema);
    writeFileSync(deprecatedSchema, sdl);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no deprecated field in use against the committed schema', async () => {
    expect(await deprecationWarnings('apps/portal', ['src/operations.ts'])).toEqual([]);
  }, 60_000);

  it.each([
    ['apps/portal', 'src/operations.ts'],
    ['apps/web', 'src/operations.ts'],
  ])(
    '%s: a warning at each line of %s that selects Story.headline once it is deprecated',
    async (project, file) => {
      const lines = linesSelecting(`${project}/${file}`, 'headline');
      expect(lines.length).toBeGreaterThan(0);
      expect(await deprecationWarnings(project, [file], deprecatedSchema)).toEqual(
        lines.map((line) => ({
          file: `${project}/${file}`,
          line,
          severity: 1,
          message: 'Field "headline" is marked as deprecated in your GraphQL schema (reason: Use `summary`.)',
        })),
      );
    },
    60_000,
  );
});
