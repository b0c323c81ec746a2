import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { submitCodegenConfig } from '../../codegen.js';

const GQL_DIR = fileURLToPath(new URL('./gql/', import.meta.url));

describe("the share form's generated operation (src/submit/gql)", () => {
  it('matches a fresh codegen run over the committed schema and src/submit/operations.ts', async () => {
    const outputs: { filename: string; content: string }[] = await generate(
      { ...submitCodegenConfig, silent: true, verbose: false },
      false,
    );
    for (const output of outputs) {
      expect(dirname(output.filename) + '/').toBe(GQL_DIR);
      expect(
        readFileSync(output.filename, 'utf8'),
        `src/submit/gql/${basename(output.filename)} is stale: run npx nx run @devops-stories/web:codegen`,
      ).toBe(output.content);
    }
    expect(readdirSync(GQL_DIR).sort()).toEqual(outputs.map((output) => basename(output.filename)).sort());
    const manifest = JSON.parse(readFileSync(`${GQL_DIR}persisted-documents.json`, 'utf8')) as Record<string, string>;
    expect(Object.values(manifest)).toEqual([expect.stringContaining('mutation SubmitStory(')]);
    for (const [hash, text] of Object.entries(manifest)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
    }
  }, 60_000);
});
