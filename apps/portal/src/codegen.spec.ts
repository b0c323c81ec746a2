import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { codegenConfig } from '../codegen.js';
import * as documents from './gql/graphql.js';

const GQL_DIR = fileURLToPath(new URL('./gql/', import.meta.url));

describe('generated operations (src/gql)', () => {
  it('match a fresh codegen run over the committed schema and src/operations.ts', async () => {
    const outputs: { filename: string; content: string }[] = await generate(
      { ...codegenConfig, silent: true, verbose: false },
      false,
    );
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(dirname(output.filename) + '/').toBe(GQL_DIR);
      expect(
        readFileSync(output.filename, 'utf8'),
        `src/gql/${basename(output.filename)} is stale: run npx nx run @devops-stories/portal:codegen`,
      ).toBe(output.content);
    }
    expect(readdirSync(GQL_DIR).sort()).toEqual(outputs.map((output) => basename(output.filename)).sort());
  }, 60_000);

  it('give every operation a sha256 hash that the persisted-documents manifest maps to its text', () => {
    const manifest = JSON.parse(readFileSync(`${GQL_DIR}persisted-documents.json`, 'utf8')) as Record<string, string>;
    for (const [hash, text] of Object.entries(manifest)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
    }
    const hashes = Object.values(documents as Record<string, unknown>)
      .filter((value) => value instanceof documents.TypedDocumentString)
      .map((document) => (document as { __meta__?: { hash?: string } }).__meta__?.hash);
    expect(hashes.sort()).toEqual(Object.keys(manifest).sort());
    expect(Object.values(manifest).map((text) => /^query (\w+)/.exec(text)?.[1])).toEqual(['PortalDays', 'PortalDay']);
  });
});
