import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { collectConsumerOperations } from './consumer-operations.js';
import { formatSchemaUsage, schemaUsage } from './usage-report.js';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
const manifests = {
  'apps/portal': ['../../../portal/src/gql/persisted-documents.json'],
  'apps/web': [
    '../../../web/src/gql/persisted-documents.json',
    '../../../web/src/glossary/gql/persisted-documents.json',
    '../../../web/src/submit/gql/persisted-documents.json',
  ],
};

/** Each consumer's operations as its committed manifests list them: name → document text. */
function manifestOperations(): Map<string, Map<string, string>> {
  return new Map(
    Object.entries(manifests).map(([consumer, files]) => [
      consumer,
      new Map(
        files
          .flatMap(
            (file) => Object.values(JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'))) as string[],
          )
          .map((text) => [/\b(?:query|mutation) (\w+)/.exec(text)![1], text]),
      ),
    ]),
  );
}

describe('schema-usage over the consumers in this workspace', () => {
  const found = collectConsumerOperations(workspaceRoot);
  const report = schemaUsage(buildSchema(sdl), found);
  const field = (coordinate: string) =>
    report.types.flatMap((type) => type.fields).find((f) => f.coordinate === coordinate)!;

  it('lists each consumer with the operations its manifests hold', () => {
    const listed = manifestOperations();
    expect(report.consumers).toEqual(
      [...listed.entries()].map(([root, operations]) => ({
        root,
        packageName: `@devops-stories/${root.split('/')[1]}`,
        operations: [...operations.keys()].sort(),
      })),
    );
  });

  it('lists Story.metrics as used by both consumers, by exactly the operations whose documents select metrics', () => {
    const expected = [...manifestOperations().entries()].map(([consumer, operations]) => [
      consumer,
      [...operations.entries()]
        .filter(([, text]) => /\bmetrics \{/.test(text))
        .map(([name]) => name)
        .sort(),
    ]);
    expect([...field('Story.metrics').users.entries()]).toEqual(expected);
    expect(field('Story.metrics').users.get('apps/portal')).toEqual(['PortalDay']);
    expect(field('Company.industry').users).toEqual(new Map([['apps/portal', ['PortalDay']]]));
  });

  it('reports a field unused exactly when no operation selects it, and a used field only for operations that name it', () => {
    const texts = [...manifestOperations().values()].flatMap((operations) => [...operations.values()]).join('\n');
    const schema = buildSchema(sdl);
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      // Input fields a variable carries count as used: which ones it sends is known only at run time.
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const name of Object.keys(type.getFields())) {
        if (!new RegExp(`\\b${name}\\b`).test(texts))
          expect(report.unused, `${type.name}.${name}`).toContain(`${type.name}.${name}`);
      }
    }
    for (const type of report.types) {
      for (const used of type.fields.filter((f) => f.users.size)) {
        const fieldName = used.coordinate.split('.')[1];
        for (const [consumer, names] of used.users) {
          for (const name of names) {
            const text = manifestOperations().get(consumer)!.get(name.replace(' (through variables)', ''))!;
            if (!name.endsWith('(through variables)'))
              expect(text, `${consumer} ${name} ${used.coordinate}`).toMatch(new RegExp(`\\b${fieldName}\\b`));
          }
        }
      }
    }
    expect(report.unused).toEqual(expect.arrayContaining(['Story.publishedAt', 'PageInfo.startCursor', 'Query.node']));
    expect(report.unused).not.toContain('Story.metrics');
    expect(formatSchemaUsage(report)).toContain(
      `Fields no consumer uses (${report.unused.length}): ${report.unused.join(', ')}`,
    );
  });

  it('shows who still uses a deprecated field', () => {
    const deprecated = sdl.replace(
      /(^type Story implements Node \{[^}]*?^ {2}headline: String!)$/m,
      '$1 @deprecated(reason: "Use `summary`.")',
    );
    expect(deprecated).not.toBe(sdl);
    const withDeprecation = schemaUsage(buildSchema(deprecated), found);
    expect(
      withDeprecation.deprecatedInUse.map((f) => [f.coordinate, f.deprecationReason, [...f.users.keys()]]),
    ).toEqual([['Story.headline', 'Use `summary`.', ['apps/portal', 'apps/web']]]);
    const text = formatSchemaUsage(withDeprecation);
    expect(text).toMatch(/^ {2}headline +apps\/portal: PortalDay · apps\/web: .* \[deprecated: Use `summary`\.\]$/m);
    expect(text).toMatch(
      /^Deprecated fields still in use \(1\):\n {2}Story\.headline: apps\/portal: PortalDay · apps\/web: /m,
    );
  });
});
