import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { codegenConfig, codegenFor, glossaryCodegenConfig, hasGlossary, SCHEMA } from '../../codegen.js';
import { withoutType } from '../test/schema-sdl.js';

const SRC = fileURLToPath(new URL('../', import.meta.url));
const GLOSSARY_GQL = fileURLToPath(new URL('./gql/', import.meta.url));
const schema = readFileSync(SCHEMA, 'utf8');
/** The schema of a deployment that leaves the glossary module out. */
const withoutGlossary = withoutType(schema, 'Term');

type Output = { filename: string; content: string };
const run = (config: typeof codegenConfig, sdl?: string): Promise<Output[]> =>
  generate({ ...config, ...(sdl ? { schema: sdl } : {}), silent: true, verbose: false }, false);

function committed(outputs: Output[]): Record<string, string> {
  return Object.fromEntries(outputs.map((output) => [output.filename, readFileSync(output.filename, 'utf8')]));
}

function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `${folder}${file}`);
}

describe('the glossary operations (src/glossary), optional like the glossary schema module', () => {
  it('src/glossary/gql matches a fresh codegen run over the committed schema', async () => {
    const outputs = await run(glossaryCodegenConfig);
    for (const output of outputs) {
      expect(dirname(output.filename) + '/').toBe(GLOSSARY_GQL);
      expect(
        readFileSync(output.filename, 'utf8'),
        `src/glossary/gql/${basename(output.filename)} is stale: run npx nx run @devops-stories/web:codegen`,
      ).toBe(output.content);
    }
    expect(readdirSync(GLOSSARY_GQL).sort()).toEqual(outputs.map((output) => basename(output.filename)).sort());
  }, 60_000);

  it('a schema without the module: the core operations generate byte for byte as committed, the glossary ones cannot', async () => {
    expect(hasGlossary(schema)).toBe(true);
    expect(hasGlossary(withoutGlossary)).toBe(false);
    expect(withoutGlossary).not.toMatch(/\bTerm\b|^ {2}(terms|glossary)\b/m);
    expect(withoutGlossary).toMatch(/^type Story implements Node \{/m);

    const core = await run(codegenConfig, withoutGlossary);
    expect(core.length).toBeGreaterThan(0);
    expect(Object.fromEntries(core.map((output) => [output.filename, output.content]))).toEqual(committed(core));
    await expect(run(glossaryCodegenConfig, withoutGlossary)).rejects.toThrow(/terms/);
  }, 60_000);

  it('the codegen target generates the glossary operations only when the schema has the module', () => {
    const outputs = (sdl: string) => Object.keys(codegenFor(sdl).generates).map((path) => relative(SRC, path));
    expect(outputs(schema)).toEqual(['gql', 'submit/gql', 'glossary/gql']);
    expect(outputs(withoutGlossary)).toEqual(['gql', 'submit/gql']);
  });

  it('the generated glossary module imports nothing of the schema-dependent core, and the core nothing of it', () => {
    for (const file of sources(GLOSSARY_GQL)) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((found) => found[1]);
      for (const source of imports) expect(source, file).toMatch(/^\.\/|^@graphql-typed-document-node\/core$/);
    }
    const outside = sources(SRC).filter((file) => !file.startsWith(`${SRC}glossary/`));
    for (const file of outside) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '[^']*glossary\/gql\//);
  });
});
