import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSchemas } from './schema-compat.js';
import { renderSchemaSdl } from './schema-sdl.js';

const released = readFileSync(new URL('../schema.released.graphql', import.meta.url), 'utf8');

describe('breaking-change check', () => {
  it('finds no unapproved breaking change between the released schema and the code', async () => {
    const allowlist = JSON.parse(readFileSync(new URL('../schema-breaking-allowlist.json', import.meta.url), 'utf8'));
    const report = await compareSchemas(released, await renderSchemaSdl(), allowlist);
    expect(report.unapproved.map((c) => c.message)).toEqual([]);
  });

  it('fails a removed field, a retyped field and a new required argument unless allowed with a reason', async () => {
    const current = released
      .replace(/^ {2}headline: String!\n/m, '')
      .replace(/^ {2}readingTimeMinutes: Int!$/m, '  readingTimeMinutes: Float!')
      .replace(/search\(\n/, 'search(\n    locale: String!\n');
    expect(current).not.toBe(released);
    const report = await compareSchemas(released, current, []);
    expect(report.unapproved.map((c) => [c.type, c.path])).toEqual(
      expect.arrayContaining([
        ['FIELD_REMOVED', 'Story.headline'],
        ['FIELD_TYPE_CHANGED', 'Story.readingTimeMinutes'],
        ['FIELD_ARGUMENT_ADDED', 'Query.search.locale'],
      ]),
    );
    const allowed = await compareSchemas(released, current, [
      { type: 'FIELD_REMOVED', path: 'Story.headline', reason: 'no consumer reads it' },
      { type: 'FIELD_TYPE_CHANGED', path: 'Story.readingTimeMinutes', reason: 'fractional minutes' },
      { type: 'FIELD_ARGUMENT_ADDED', path: 'Query.search.locale', reason: 'search is per locale now' },
    ]);
    expect(allowed.unapproved).toEqual([]);
    expect(allowed.approved).toHaveLength(3);
    await expect(
      compareSchemas(released, current, [{ type: 'FIELD_REMOVED', path: 'Story.headline', reason: ' ' }]),
    ).rejects.toThrow('needs a reason');
  });

  it('counts an added field as safe', async () => {
    const current = released.replace(
      /^type Story implements Node \{\n/m,
      'type Story implements Node {\n  subtitle: String\n',
    );
    const report = await compareSchemas(released, current, []);
    expect(report.unapproved).toEqual([]);
    expect(report.safe.map((c) => c.path)).toContain('Story.subtitle');
  });
});
