import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemaSdl } from './schema-sdl.js';

describe('apps/api/schema.graphql', () => {
  it('matches the schema the code builds (run `npx nx run @devops-stories/api:emit-schema` if not)', async () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(await renderSchemaSdl()).toBe(committed);
  });
});
