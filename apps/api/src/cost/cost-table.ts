import { DEFAULT_PAGE_SIZE } from '@devops-stories/story-model';
import { getOperationAST, type GraphQLSchema, parse } from 'graphql';
import { coerceVariables } from '../inputs/variables.js';
import { costEstimators, priceOperation } from './query-cost.js';

/** One priced operation of the README's cost table. */
export interface PricedOperation {
  name: string;
  variables: Record<string, unknown>;
  cost: number;
}

/** The variables the web client sends with each of its operations, at its default and its largest page size. */
export const WEB_CLIENT_VARIABLES: Record<string, Record<string, unknown>[]> = {
  StoryList: [{ first: 20 }, { first: 10 }, { first: 100 }],
  Facets: [{}],
  Story: [{ slug: 'amazon' }],
  RecapPage: [{ day: 6 }],
  DayPage: [{ day: 5 }],
  Recaps: [{}],
  Search: [
    { query: 'deploy', first: 20 },
    { query: 'deploy', filter: { practice: 'continuous-deployment' }, first: 20 },
  ],
  StoryTerms: [{ slug: 'netflix' }],
  Attribution: [{}],
};

/** The README's example queries, in its order. */
export const README_EXAMPLES: { name: string; query: string }[] = [
  {
    name: 'README 1: first page of stories',
    query:
      '{ stories(first: 3) { totalCount edges { node { slug company { name } } } pageInfo { hasNextPage endCursor } } }',
  },
  {
    name: 'README 2: stories of one practice',
    query: '{ stories(filter: { practice: "continuous-deployment" }) { totalCount nodes { slug year } } }',
  },
  {
    name: "README 3: a story's figures",
    query: '{ story(slug: "amazon") { title metrics { label value unit year source { title url } } } }',
  },
  { name: 'README 4: the Day 6 recap', query: '{ recap(day: 6) { title coversDays points stories { slug } } }' },
  {
    name: 'README 5: ranked search',
    query:
      '{ search(query: "deploy", first: 3) { score snippet node { __typename ... on Story { slug } ... on Day { number } } } }',
  },
  {
    name: 'README 6: search under a filter, counted',
    query:
      '{ searchHits(query: "deploy", filter: { practice: "continuous-deployment" }, first: 2) { totalCount edges { cursor node { score node { __typename ... on Story { slug } ... on Recap { day } } } } pageInfo { hasNextPage endCursor } } }',
  },
  {
    name: 'README: glossary and Story.terms',
    query: '{ glossary { slug name } story(slug: "netflix") { terms { slug } } }',
  },
];

/**
 * Prices the operation of `source` (a valid document) with `variables` under the published cost model.
 *
 * @throws when the document has no operation or the variables are invalid.
 */
export function priceDocument(schema: GraphQLSchema, source: string, variables: Record<string, unknown> = {}): number {
  const document = parse(source);
  const operation = getOperationAST(document);
  if (!operation) throw new Error(`no single operation in ${source}`);
  const coerced = coerceVariables(schema, operation, variables, 1);
  if (!coerced.ok) throw coerced.errors[0];
  return priceOperation({
    schema,
    document,
    operation,
    variables: coerced.values,
    estimators: costEstimators(DEFAULT_PAGE_SIZE),
  });
}

/** Prices every operation of the web client's manifest (`persisted-documents.json`) with {@link WEB_CLIENT_VARIABLES}. */
export function priceWebClient(schema: GraphQLSchema, manifest: Record<string, string>): PricedOperation[] {
  return Object.values(manifest).flatMap((source) => {
    const name = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(source)?.[1] ?? 'anonymous';
    const variableSets = WEB_CLIENT_VARIABLES[name];
    if (!variableSets)
      throw new Error(`no variables for the web client's operation ${name}: add them to WEB_CLIENT_VARIABLES`);
    return variableSets.map((variables) => ({ name, variables, cost: priceDocument(schema, source, variables) }));
  });
}

/** The README's cost table as Markdown: the web client's operations, then the README examples. */
export function renderCostTable(web: PricedOperation[], examples: PricedOperation[], limit: number): string {
  const show = (v: Record<string, unknown>) =>
    Object.keys(v).length
      ? `\`${JSON.stringify(v)
          .replace(/"(\w+)":/g, '$1: ')
          .replace(/,/g, ', ')}\``
      : '';
  const rows = [
    '| operation | variables | cost |',
    '|---|---|---:|',
    ...web.map((op) => `| web client \`${op.name}\` | ${show(op.variables)} | ${op.cost} |`),
    ...examples.map((op) => `| ${op.name} | | ${op.cost} |`),
  ];
  return `${rows.join('\n')}\n\nLimit: ${limit.toLocaleString('en-US')} per operation (\`MAX_QUERY_COST\`).`;
}
