// The canonical queries of issue 14, as POST bodies: the web client's own documents (from its
// persisted-documents manifest) where it has one, an ad hoc document for the nested company list.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(
  readFileSync(new URL('../../apps/web/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
);

/** The web client's document of operation `name`, exactly as it sends it. */
export function webDocument(name) {
  const document = Object.values(manifest).find((doc) => new RegExp(`query ${name}\\b`).test(doc));
  if (!document) throw new Error(`the web client has no operation ${name}`);
  return document;
}

/** The nested connection: one company's first 20 stories as cards (no web operation asks for it). */
const COMPANY_STORIES = `query CompanyStories($slug: String!) {
  company(slug: $slug) {
    name
    stories(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { slug title headline year company { slug name } practices { slug name } metrics { label value unit year } }
    }
  }
}`;

/** The list's page size, the web client's default (`page-size="10"`). */
export const PAGE_SIZE = 10;
/** The deep page the list is read at, through cursors. */
export const DEEP_PAGE = 50;

/** The queries in report order: key, label in tables and the chart. */
export const QUERIES = [
  ['listFirst', 'list page 1'],
  ['listDeep', `list page ${DEEP_PAGE} (cursor)`],
  ['listFiltered', 'filtered list (practice)'],
  ['companyStories', 'company { stories(first: 20) }'],
  ['storyRelated', 'story(slug) + related'],
  ['searchCommon', 'search, common term'],
  ['searchRare', 'search, rare term'],
];

/** POSTs `body` to `url` and returns its data; throws on an HTTP or GraphQL error. */
export async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(300_000),
  });
  const json = await response.json();
  if (response.status !== 200 || json.errors) {
    throw new Error(`${body.operationName ?? 'query'} answered ${response.status}: ${JSON.stringify(json.errors)}`);
  }
  return json.data;
}

/**
 * The request bodies of each canonical query against `url` for a catalogue described by `summary`
 * (the generator's): walks the list's cursors to page {@link DEEP_PAGE} first, and checks that every
 * query answers what it should before it is measured. `story(slug)` cycles through stories spread
 * over the catalogue.
 */
export async function canonicalRequests(url, summary) {
  const storyList = webDocument('StoryList');
  const listPage = (after) => ({ query: storyList, variables: { first: PAGE_SIZE, after } });
  const walkStarted = performance.now();
  let after = null;
  for (let page = 1; page < DEEP_PAGE; page++) {
    const { stories } = await post(url, listPage(after));
    if (!stories.pageInfo.hasNextPage) {
      throw new Error(
        `the list ends at page ${page}: ${DEEP_PAGE} pages need ${DEEP_PAGE * PAGE_SIZE} published stories`,
      );
    }
    after = stories.pageInfo.endCursor;
  }
  const walkMs = performance.now() - walkStarted;
  const search = (term) => ({ query: webDocument('Search'), variables: { query: term, first: 20 } });
  const requests = {
    listFirst: [listPage(null)],
    listDeep: [listPage(after)],
    listFiltered: [
      { query: storyList, variables: { filter: { practice: summary.commonPractice.slug }, first: PAGE_SIZE } },
    ],
    companyStories: [{ query: COMPANY_STORIES, variables: { slug: summary.largestCompany.slug } }],
    storyRelated: summary.sampleSlugs.map((slug) => ({ query: webDocument('Story'), variables: { slug } })),
    searchCommon: [search(summary.terms.common.term)],
    searchRare: [search(summary.terms.rare.term)],
  };
  const checks = {
    listFirst: (d) => d.stories.nodes.length === PAGE_SIZE && d.stories.totalCount === summary.published,
    listDeep: (d) => d.stories.nodes.length === PAGE_SIZE,
    listFiltered: (d) => d.stories.totalCount === summary.commonPractice.stories,
    companyStories: (d) => d.company.stories.totalCount === summary.largestCompany.stories,
    storyRelated: (d) => d.story !== null && d.story.related.length > 0,
    searchCommon: (d) => d.searchHits.nodes.length === 20,
    searchRare: (d) => d.searchHits.totalCount >= summary.terms.rare.stories,
  };
  for (const [key, bodies] of Object.entries(requests)) {
    for (const body of bodies) {
      const data = await post(url, body);
      if (!checks[key](data)) throw new Error(`${key} answered unexpectedly: ${JSON.stringify(data).slice(0, 400)}`);
    }
  }
  return { requests, walkMs };
}
