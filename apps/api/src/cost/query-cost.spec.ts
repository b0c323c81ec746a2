import { readFileSync } from 'node:fs';
import { buildModularSchema } from '@devops-stories/story-graph';
import { type GraphQLSchema, Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../config.js';
import { schemaModules } from '../schema-modules.js';
import { fragmentBomb, practiceCycle, relatedChain } from '../test/attacks.js';
import { documentGenerator, seededRandom } from '../test/fuzz.js';
import { priceDocument, priceWebClient, README_EXAMPLES, renderCostTable } from './cost-table.js';
import { costEstimators, measureOperation } from './query-cost.js';

const LIMIT = DEFAULT_QUERY_LIMITS.maxCost;

describe('the cost model', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildModularSchema(schemaModules);
  });
  const cost = (query: string, variables?: Record<string, unknown>) => priceDocument(schema, query, variables);

  it('prices scalars 0, objects 1, and multiplies a connection by its page size', () => {
    expect(cost('{ story(slug: "amazon") { slug title summary } }')).toBe(1);
    expect(cost('{ story(slug: "amazon") { company { name } } }')).toBe(2);
    // 1 + size × (nodes: 1 + company: 1)
    expect(cost('{ stories(first: 20) { nodes { slug company { name } } } }')).toBe(1 + 20 * 2);
    expect(cost('{ stories(last: 5) { nodes { slug } } }')).toBe(1 + 5 * 1);
    expect(cost('{ stories { nodes { slug } } }')).toBe(1 + 10 * 1);
  });

  it('applies variables, and prices a size the API refuses (0, negative, null) as the default page', () => {
    const query = 'query($n: Int) { stories(first: $n) { nodes { slug } } }';
    expect(cost(query, { n: 50 })).toBe(51);
    for (const n of [0, -1_000_000, null]) expect(cost(query, { n })).toBe(11);
    // A negative size cannot lower the price of the rest of the document.
    expect(cost('{ a: stories(first: -1000) { nodes { slug } } b: stories(first: 100) { nodes { slug } } }')).toBe(
      11 + 101,
    );
  });

  it('counts a list without paging arguments as 10 items, and related(first:) by its size', () => {
    expect(cost('{ story(slug: "amazon") { metrics { label source { url } } } }')).toBe(1 + 1 + 10 * 1);
    expect(cost('{ story(slug: "amazon") { related { slug } } }')).toBe(1 + 1 + 3 * 0);
    expect(cost('{ story(slug: "amazon") { related(first: 20) { company { name } } } }')).toBe(1 + 1 + 20 * 1);
  });

  it('prices computed scalars: body as HTML or TEXT, readingTimeMinutes, search', () => {
    expect(cost('{ story(slug: "amazon") { body } }')).toBe(1);
    expect(cost('{ story(slug: "amazon") { body(format: HTML) } }')).toBe(2);
    expect(cost('query($f: BodyFormat!) { story(slug: "amazon") { body(format: $f) } }', { f: 'TEXT' })).toBe(2);
    expect(cost('{ story(slug: "amazon") { readingTimeMinutes } }')).toBe(2);
    expect(cost('{ search(query: "deploy") { score } }')).toBe(10);
    expect(cost('{ search(query: "deploy", first: 5) { node { ... on Story { company { name } } } } }')).toBe(
      10 + 5 * 2,
    );
  });

  it('prices searchHits like a connection over search: 10 + page size × a hit, its nodes and edges once', () => {
    // nodes: 1 + (node: 1 + the dearest member, Story with company: 1)
    const hits = '{ node { ... on Story { company { name } } ... on Day { number } } }';
    expect(cost(`{ searchHits(query: "deploy", first: 5) { totalCount nodes ${hits} } }`)).toBe(10 + 5 * 3);
    expect(cost(`{ searchHits(query: "deploy") { nodes ${hits} } }`)).toBe(10 + 10 * 3);
    expect(cost('query($n: Int) { searchHits(query: "deploy", first: $n) { totalCount } }', { n: 0 })).toBe(10);
    expect(
      cost(
        '{ searchHits(query: "deploy", filter: { practice: "rollback" }, first: 20) { edges { cursor node { score } } pageInfo { endCursor } } }',
      ),
    ).toBe(10 + 20 * (2 + 1));
  });

  it('expands fragments, honours @skip/@include, and leaves introspection free', () => {
    const withFragment = 'query { stories(first: 4) { nodes { ...C } } } fragment C on Story { company { name } }';
    expect(cost(withFragment)).toBe(1 + 4 * 2);
    expect(
      cost('query($s: Boolean!) { stories(first: 4) { nodes { company @skip(if: $s) { name } } } }', { s: true }),
    ).toBe(1 + 4 * 1);
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('measures a fragment bomb in linear time: each fragment once, however often it is spread', () => {
    const document = parse(fragmentBomb(40));
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const started = performance.now();
    const shape = measureOperation(document, operation);
    expect(performance.now() - started).toBeLessThan(50);
    expect(shape.selections).toBeGreaterThan(2 ** 40);
    expect(shape.depth).toBe(2 + 40 + 1);
    expect(shape.aliases).toBeGreaterThan(2 ** 39);
  });

  it("agrees with graphql-query-complexity's getComplexity on the web client's operations and 500 generated documents", () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../../web/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
    );
    const reference = (source: string, variables: Record<string, unknown> = {}) =>
      getComplexity({ schema, query: parse(source), variables, estimators: costEstimators(10) });
    for (const source of Object.values(manifest) as string[]) {
      const variables = { first: 20, slug: 'amazon', day: 6, query: 'deploy' };
      const used = Object.fromEntries(Object.entries(variables).filter(([name]) => source.includes(`$${name}`)));
      expect(cost(source, used), source).toBe(reference(source, used));
    }
    for (const source of [relatedChain(4), practiceCycle(2), fragmentBomb(3)]) {
      expect(cost(source), source).toBe(reference(source));
    }
    const next = documentGenerator(schema, seededRandom(7));
    let compared = 0;
    for (let i = 0; i < 500; i++) {
      const source = next();
      if (validate(schema, parse(source)).length) continue;
      expect(cost(source), source).toBe(reference(source));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('prices a fragment bomb exactly, at once', () => {
    const started = performance.now();
    const price = cost(fragmentBomb(12));
    expect(performance.now() - started).toBeLessThan(50);
    // Each level doubles the spreads and multiplies by 20: (2 × 20)^12 leaves of 0, plus the related fields.
    expect(price).toBeGreaterThan(40 ** 11);
  });

  it("fits every operation of the web client's manifest well within the limit", () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../../web/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
    );
    const priced = priceWebClient(schema, manifest);
    expect(new Set(priced.map((p) => p.name)).size).toBe(Object.keys(manifest).length);
    const byDefault = priced.filter((p, i) => priced.findIndex((q) => q.name === p.name) === i);
    for (const op of byDefault)
      expect(op.cost, `${op.name} ${JSON.stringify(op.variables)}`).toBeLessThanOrEqual(LIMIT / 4);
    for (const op of priced) expect(op.cost, `${op.name} ${JSON.stringify(op.variables)}`).toBeLessThanOrEqual(LIMIT);
  });

  it('matches the cost table in the README (run `npx nx run @devops-stories/api:cost-table` after a change)', () => {
    const manifest = Object.assign(
      {},
      ...[
        '../../../web/src/gql/persisted-documents.json',
        '../../../web/src/glossary/gql/persisted-documents.json',
      ].map((path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))),
    );
    const table = renderCostTable(
      priceWebClient(schema, manifest),
      README_EXAMPLES.map(({ name, query }) => ({ name, variables: {}, cost: cost(query) })),
      LIMIT,
    );
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(table);
    const storyList = priceWebClient(schema, manifest).find((p) => p.name === 'StoryList')!;
    expect(readme).toContain(`\`StoryList\` with \`first: 20\` costs ${storyList.cost}`);
  });
});
