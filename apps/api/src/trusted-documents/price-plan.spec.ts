import { readFileSync } from 'node:fs';
import { buildModularSchema } from '@devops-stories/story-graph';
import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { coerceVariables } from '../inputs/variables.js';
import { costEstimators, priceOperation } from '../cost/query-cost.js';
import { schemaModules } from '../schema-modules.js';
import { compilePrice } from './price-plan.js';

const documents = [
  '../../../web/src/gql/persisted-documents.json',
  '../../../portal/src/gql/persisted-documents.json',
].flatMap((path) =>
  Object.values(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, string>),
);
const extra = [
  'query Skips($deep: Boolean!, $n: Int) { stories(first: $n) { nodes { slug related(first: 5) @include(if: $deep) { slug } } } }',
  'query Spread($n: Int) { a: stories(first: $n) { ...Page } b: stories(first: 3) { ...Page } } fragment Page on StoryConnection { nodes { slug company { name } } }',
  'query Hits($q: String!, $n: Int) { search(query: $q, first: $n) { node { ... on Story { practices { slug } } ... on Day { number } } } }',
];
const VARIABLE_SETS = [
  {},
  { first: 1 },
  { first: 20 },
  { first: 100, filter: { practice: 'rollback' } },
  { n: 7, deep: true, q: 'x' },
  { n: 50, deep: false, q: 'x' },
  { slug: 'amazon', day: 6, number: 5, query: 'deploy' },
];

describe('compilePrice', () => {
  it('gives the figure priceOperation gives, for every consumer operation and variables', async () => {
    const schema = await buildModularSchema(schemaModules);
    const estimators = costEstimators(10);
    let compared = 0;
    for (const text of [...documents, ...extra]) {
      const document = parse(text);
      const operation = getOperationAST(document)!;
      const price = compilePrice({ schema, document, operation, estimators });
      for (const inputs of VARIABLE_SETS) {
        const variables = coerceVariables(schema, operation, inputs, 5);
        if (!variables.ok) continue;
        expect(price(variables.values), `${text} ${JSON.stringify(inputs)}`).toBe(
          priceOperation({ schema, document, operation, variables: variables.values, estimators }),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});
