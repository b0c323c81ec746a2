import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSchemas } from '../schema-compat.js';
import { checkConsumers } from './consumer-check.js';
import { collectConsumerOperations } from './consumer-operations.js';

const SDL = `type Query { books: [Book!]! author(id: ID!): Author }
type Book { title: String! isbn: String! author: Author! }
type Author { name: String! born: Int }
`;

/** A small workspace on disk: two consumers, a project that is none, and files that must be skipped. */
function writeWorkspace(root: string): void {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ workspaces: ['apps/*', 'libs/*'] }),
    'apps/shop/package.json': JSON.stringify({ name: '@x/shop', nx: { tags: ['scope:shop', 'type:consumer'] } }),
    'apps/shop/src/operations.ts': [
      "import { graphql } from './gql/index.js';",
      'export const books = graphql(`',
      '  query Books { books { ...BookCard } }',
      '`);',
      'export const card = graphql(`fragment BookCard on Book { title author { ...AuthorName } }`);',
      'export const name = graphql(`fragment AuthorName on Author { name }`);',
    ].join('\n'),
    'apps/shop/src/gql/persisted-documents.json': JSON.stringify({
      abc123def456:
        'fragment AuthorName on Author { name } fragment BookCard on Book { author { ...AuthorName } title } query Books { books { ...BookCard } }',
    }),
    'apps/shop/src/gql/gql.ts': 'export function graphql(source: "query Wrong { nope }"): unknown;',
    'apps/shop/src/operations.spec.ts': 'graphql(`query OnPurpose { nope }`);',
    'apps/shop/src/test/fixtures.ts': 'graphql(`query Fixture { nope }`);',
    'apps/shop/dist/operations.js': 'graphql(`query Built { books { title } }`);',
    'apps/shop/node_modules/dep/index.js': 'graphql(`query Dependency { books { title } }`);',
    'apps/server/package.json': JSON.stringify({ name: '@x/server', nx: { tags: ['type:app'] } }),
    'apps/server/src/queries.graphql': 'query ServerSide { books { isbn } }',
    'libs/reports/package.json': JSON.stringify({ name: '@x/reports', nx: { tags: ['type:consumer'] } }),
    'libs/reports/queries/authors.graphql':
      'query Author($id: ID!) { author(id: $id) { name born } }\nquery { books { isbn } }',
    'libs/reports/queries/broken.graphql': 'query Broken { books { ',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('consumer operations, found by tag in a workspace', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'consumers-'));
    writeWorkspace(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds the projects tagged type:consumer and every operation they send, with the fragments each spreads', () => {
    const found = collectConsumerOperations(root);
    expect(found.consumers).toEqual([
      { root: 'apps/shop', packageName: '@x/shop' },
      { root: 'libs/reports', packageName: '@x/reports' },
    ]);
    expect(found.operations.map((o) => [o.consumer.root, o.name, o.source])).toEqual(
      expect.arrayContaining([
        ['apps/shop', 'Books', 'src/gql/persisted-documents.json (abc123de…)'],
        ['apps/shop', 'Books', 'src/operations.ts:2'],
        ['libs/reports', 'Author', 'queries/authors.graphql'],
        ['libs/reports', '(anonymous)', 'queries/authors.graphql'],
      ]),
    );
    expect(found.operations).toHaveLength(4);
    const fromSource = found.operations.find((o) => o.source === 'src/operations.ts:2')!;
    expect(print(fromSource.document)).toMatch(/query Books[\s\S]*fragment BookCard[\s\S]*fragment AuthorName/);
    expect(found.problems).toEqual([expect.stringMatching(/^libs\/reports\/queries\/broken\.graphql: Syntax Error/)]);
  });

  it('fails a breaking change a consumer uses, naming the project, the operation and the field, and allows one nobody uses', async () => {
    const found = collectConsumerOperations(root);
    const current = SDL.replace(' born: Int', '').replace(' isbn: String!', '');
    const report = await compareSchemas(SDL, current, []);
    const check = checkConsumers(report, SDL, current, { ...found, problems: [] });
    expect(check.used.map(({ change, findings }) => [change.path, findings])).toEqual([
      [
        'Book.isbn',
        [
          {
            consumer: 'libs/reports',
            operation: '(anonymous)',
            detail: 'Book.isbn',
            sources: ['queries/authors.graphql'],
          },
        ],
      ],
      [
        'Author.born',
        [
          {
            consumer: 'libs/reports',
            operation: 'Author',
            detail: 'Author.born',
            sources: ['queries/authors.graphql'],
          },
        ],
      ],
    ]);
    expect(check.invalid.map((f) => [f.consumer, f.operation, f.detail])).toEqual([
      ['libs/reports', 'Author', 'Cannot query field "born" on type "Author".'],
      ['libs/reports', '(anonymous)', 'Cannot query field "isbn" on type "Book".'],
    ]);

    const onlyServer = SDL.replace(' isbn: String!', '');
    const withoutIsbnUser = checkConsumers(await compareSchemas(SDL, onlyServer, []), SDL, onlyServer, {
      ...found,
      operations: found.operations.filter((o) => o.name !== '(anonymous)'),
      problems: [],
    });
    // apps/server queries Book.isbn too, but it is no consumer.
    expect(withoutIsbnUser.used).toEqual([]);
    expect(withoutIsbnUser.unused.map((c) => c.path)).toEqual(['Book.isbn']);
    expect(withoutIsbnUser.invalid).toEqual([]);
  });
});
