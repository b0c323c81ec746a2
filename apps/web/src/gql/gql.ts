/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment StoryCardFields on Story {\n    slug\n    title\n    headline\n    year\n    company {\n      slug\n      name\n    }\n    practices {\n      slug\n      name\n    }\n    metrics {\n      label\n      value\n      unit\n      year\n    }\n  }\n": typeof types.StoryCardFieldsFragmentDoc,
    "\n  fragment StoryLinkFields on Story {\n    slug\n    title\n    headline\n    company {\n      name\n    }\n  }\n": typeof types.StoryLinkFieldsFragmentDoc,
    "\n  fragment RecapFields on Recap {\n    day\n    title\n    points\n    coversDays\n    stories {\n      ...StoryLinkFields\n    }\n  }\n": typeof types.RecapFieldsFragmentDoc,
    "\n  query StoryList($filter: StoryFilter, $first: Int, $after: String) {\n    stories(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...StoryCardFields\n      }\n    }\n  }\n": typeof types.StoryListDocument,
    "\n  query Facets {\n    practices {\n      slug\n      name\n    }\n    companies {\n      slug\n      name\n    }\n  }\n": typeof types.FacetsDocument,
    "\n  query Story($slug: String!) {\n    story(slug: $slug) {\n      ...StoryCardFields\n      summary\n      readingTimeMinutes\n      body(format: HTML)\n      metrics {\n        label\n        value\n        unit\n        year\n        source {\n          title\n          url\n        }\n      }\n      sources {\n        title\n        url\n        kind\n        publisher\n        year\n      }\n      related {\n        ...StoryLinkFields\n      }\n    }\n  }\n": typeof types.StoryDocument,
    "\n  query Recaps {\n    recaps(first: 20) {\n      nodes {\n        ...RecapFields\n      }\n    }\n  }\n": typeof types.RecapsDocument,
    "\n  query Search($query: String!, $filter: StoryFilter, $first: Int, $after: String) {\n    searchHits(query: $query, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        score\n        snippet\n        node {\n          __typename\n          ... on Story {\n            ...StoryCardFields\n          }\n          ... on Recap {\n            day\n            title\n          }\n          ... on Day {\n            number\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query RecapPage($day: Int!) {\n    recap(day: $day) {\n      ...RecapFields\n    }\n    recaps(first: 100) {\n      nodes {\n        day\n        title\n      }\n    }\n  }\n": typeof types.RecapPageDocument,
    "\n  query DayPage($day: Int!) {\n    day(number: $day) {\n      number\n      title\n      topic\n      summary\n      recap {\n        day\n        title\n      }\n      stories {\n        ...StoryLinkFields\n      }\n    }\n  }\n": typeof types.DayPageDocument,
    "\n  query Attribution {\n    attribution {\n      name\n      author\n      licence\n      licenceUrl\n      url\n    }\n  }\n": typeof types.AttributionDocument,
};
const documents: Documents = {
    "\n  fragment StoryCardFields on Story {\n    slug\n    title\n    headline\n    year\n    company {\n      slug\n      name\n    }\n    practices {\n      slug\n      name\n    }\n    metrics {\n      label\n      value\n      unit\n      year\n    }\n  }\n": types.StoryCardFieldsFragmentDoc,
    "\n  fragment StoryLinkFields on Story {\n    slug\n    title\n    headline\n    company {\n      name\n    }\n  }\n": types.StoryLinkFieldsFragmentDoc,
    "\n  fragment RecapFields on Recap {\n    day\n    title\n    points\n    coversDays\n    stories {\n      ...StoryLinkFields\n    }\n  }\n": types.RecapFieldsFragmentDoc,
    "\n  query StoryList($filter: StoryFilter, $first: Int, $after: String) {\n    stories(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...StoryCardFields\n      }\n    }\n  }\n": types.StoryListDocument,
    "\n  query Facets {\n    practices {\n      slug\n      name\n    }\n    companies {\n      slug\n      name\n    }\n  }\n": types.FacetsDocument,
    "\n  query Story($slug: String!) {\n    story(slug: $slug) {\n      ...StoryCardFields\n      summary\n      readingTimeMinutes\n      body(format: HTML)\n      metrics {\n        label\n        value\n        unit\n        year\n        source {\n          title\n          url\n        }\n      }\n      sources {\n        title\n        url\n        kind\n        publisher\n        year\n      }\n      related {\n        ...StoryLinkFields\n      }\n    }\n  }\n": types.StoryDocument,
    "\n  query Recaps {\n    recaps(first: 20) {\n      nodes {\n        ...RecapFields\n      }\n    }\n  }\n": types.RecapsDocument,
    "\n  query Search($query: String!, $filter: StoryFilter, $first: Int, $after: String) {\n    searchHits(query: $query, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        score\n        snippet\n        node {\n          __typename\n          ... on Story {\n            ...StoryCardFields\n          }\n          ... on Recap {\n            day\n            title\n          }\n          ... on Day {\n            number\n            title\n          }\n        }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query RecapPage($day: Int!) {\n    recap(day: $day) {\n      ...RecapFields\n    }\n    recaps(first: 100) {\n      nodes {\n        day\n        title\n      }\n    }\n  }\n": types.RecapPageDocument,
    "\n  query DayPage($day: Int!) {\n    day(number: $day) {\n      number\n      title\n      topic\n      summary\n      recap {\n        day\n        title\n      }\n      stories {\n        ...StoryLinkFields\n      }\n    }\n  }\n": types.DayPageDocument,
    "\n  query Attribution {\n    attribution {\n      name\n      author\n      licence\n      licenceUrl\n      url\n    }\n  }\n": types.AttributionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoryCardFields on Story {\n    slug\n    title\n    headline\n    year\n    company {\n      slug\n      name\n    }\n    practices {\n      slug\n      name\n    }\n    metrics {\n      label\n      value\n      unit\n      year\n    }\n  }\n"): typeof import('./graphql.js').StoryCardFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoryLinkFields on Story {\n    slug\n    title\n    headline\n    company {\n      name\n    }\n  }\n"): typeof import('./graphql.js').StoryLinkFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecapFields on Recap {\n    day\n    title\n    points\n    coversDays\n    stories {\n      ...StoryLinkFields\n    }\n  }\n"): typeof import('./graphql.js').RecapFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoryList($filter: StoryFilter, $first: Int, $after: String) {\n    stories(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...StoryCardFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').StoryListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Facets {\n    practices {\n      slug\n      name\n    }\n    companies {\n      slug\n      name\n    }\n  }\n"): typeof import('./graphql.js').FacetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Story($slug: String!) {\n    story(slug: $slug) {\n      ...StoryCardFields\n      summary\n      readingTimeMinutes\n      body(format: HTML)\n      metrics {\n        label\n        value\n        unit\n        year\n        source {\n          title\n          url\n        }\n      }\n      sources {\n        title\n        url\n        kind\n        publisher\n        year\n      }\n      related {\n        ...StoryLinkFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').StoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recaps {\n    recaps(first: 20) {\n      nodes {\n        ...RecapFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').RecapsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $filter: StoryFilter, $first: Int, $after: String) {\n    searchHits(query: $query, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        score\n        snippet\n        node {\n          __typename\n          ... on Story {\n            ...StoryCardFields\n          }\n          ... on Recap {\n            day\n            title\n          }\n          ... on Day {\n            number\n            title\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecapPage($day: Int!) {\n    recap(day: $day) {\n      ...RecapFields\n    }\n    recaps(first: 100) {\n      nodes {\n        day\n        title\n      }\n    }\n  }\n"): typeof import('./graphql.js').RecapPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DayPage($day: Int!) {\n    day(number: $day) {\n      number\n      title\n      topic\n      summary\n      recap {\n        day\n        title\n      }\n      stories {\n        ...StoryLinkFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').DayPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Attribution {\n    attribution {\n      name\n      author\n      licence\n      licenceUrl\n      url\n    }\n  }\n"): typeof import('./graphql.js').AttributionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
