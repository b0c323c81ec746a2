import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { breakingCheck } from './breaking-check.js';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const released = readFileSync(new URL('../../schema.released.graphql', import.meta.url), 'utf8');
/** The committed current schema, which the consumers' operations are generated against. */
const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

/** The committed SDL without one field line, as if the field had been removed from the model. */
function without(field: RegExp): string {
  const current = committed.replace(field, '');
  expect(current, `${field} is in the committed schema`).not.toBe(committed);
  return current;
}

/** Where the portal's operation text puts `field`, as the check reports it. */
function portalLine(field: string): number {
  const text = readFileSync(new URL('../../../portal/src/operations.ts', import.meta.url), 'utf8');
  const call = text.indexOf('query PortalDay(');
  expect(text.indexOf(field, call)).toBeGreaterThan(call);
  return text.slice(0, text.lastIndexOf('graphql(`', call)).split('\n').length;
}

describe('check-breaking over the consumers in this workspace', () => {
  it('passes the committed schema with every consumer operation valid', async () => {
    const result = await breakingCheck(released, committed, [], workspaceRoot);
    expect(result.failed).toBe(false);
    expect(result.log[1]).toMatch(
      /^consumer operations checked: \d+ \(\d+ documents, sources and manifests\) in apps\/portal, apps\/web$/,
    );
  });

  it('fails removing a field only the portal queries, naming apps/portal, the operation and the field', async () => {
    const result = await breakingCheck(released, without(/^ {2}industry: String!\n/m), [], workspaceRoot);
    expect(result.failed).toBe(true);
    const manifest = JSON.parse(
      readFileSync(new URL('../../../portal/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
    );
    const hash = Object.keys(manifest).find((key) => manifest[key].startsWith('query PortalDay('))!;
    expect(result.errors).toContain(
      "  FIELD_REMOVED Company.industry: Field 'industry' was removed from object type 'Company'",
    );
    expect(result.errors).toContain(
      `    apps/portal › PortalDay uses Company.industry (src/operations.ts:${portalLine('industry')}, src/gql/persisted-documents.json (${hash.slice(0, 8)}…))`,
    );
    expect(result.errors).toContain(
      `  apps/portal › PortalDay fails: Cannot query field "industry" on type "Company". (src/operations.ts:${portalLine('industry')}, src/gql/persisted-documents.json (${hash.slice(0, 8)}…))`,
    );
    expect(result.errors.join('\n')).not.toContain('apps/web');
    expect(result.log[0]).toContain('1 breaking (consumers use them)');
  });

  it('names every consumer that uses a removed field', async () => {
    const result = await breakingCheck(released, without(/^ {2}metrics: \[Metric!\]!\n/m), [], workspaceRoot);
    expect(result.failed).toBe(true);
    const users = result.errors.filter((text) => text.startsWith('    ')).map((text) => text.trim().split(' uses ')[0]);
    expect(users).toEqual(['apps/portal › PortalDay', 'apps/web › StoryList', 'apps/web › Story', 'apps/web › Search']);
  });

  it('allows removing a field no consumer uses, without an allowlist entry, and says so', async () => {
    const result = await breakingCheck(released, without(/^ {2}startCursor: String\n/m), [], workspaceRoot);
    expect(result).toEqual({
      failed: false,
      log: expect.arrayContaining([
        expect.stringContaining('1 breaking (no consumer uses them), 0 breaking (consumers use them)'),
        "allowed, no consumer operation uses it:  FIELD_REMOVED PageInfo.startCursor: Field 'startCursor' was removed from object type 'PageInfo'",
      ]),
      errors: [],
    });
  });

  it('still fails an allowlisted break while a consumer operation no longer validates', async () => {
    const result = await breakingCheck(
      released,
      without(/^ {2}industry: String!\n/m),
      [{ type: 'FIELD_REMOVED', path: 'Company.industry', reason: 'moved to Company.sector' }],
      workspaceRoot,
    );
    expect(result.failed).toBe(true);
    expect(result.log).toContain(
      "allowed:  FIELD_REMOVED Company.industry: Field 'industry' was removed from object type 'Company' (reason: moved to Company.sector)",
    );
    expect(result.errors.join('\n')).not.toContain('Breaking changes that consumers would notice');
    expect(result.errors.join('\n')).toContain('apps/portal › PortalDay fails: Cannot query field "industry"');
  });

  it('counts a new required argument against every operation that calls the field', async () => {
    const current = committed.replace(/^ {2}days: \[Day!\]!$/m, '  days(locale: String!): [Day!]!');
    expect(current).not.toBe(committed);
    const result = await breakingCheck(released, current, [], workspaceRoot);
    expect(result.failed).toBe(true);
    expect(result.errors).toContainEqual(expect.stringMatching(/^ {4}apps\/portal › PortalDays uses Query\.days /));
    expect(result.errors).toContainEqual(expect.stringMatching(/^ {4}apps\/portal › PortalDay uses Query\.days /));
    expect(result.errors).toContainEqual(
      expect.stringMatching(
        /apps\/portal › PortalDays fails: Field "days" argument "locale" of type "String!" is required/,
      ),
    );
  });
});
