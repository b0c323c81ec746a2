/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
};

/** Approve a pending submission: a draft story is created from it. */
export type ApproveSubmissionInput = {
  id: Scalars['ID']['input'];
  /** A note the submitter sees. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** How a Markdown body is returned. */
export type BodyFormat =
  /** Safe HTML: no raw HTML, no script, only http(s) and mailto links. */
  | 'HTML'
  /** The Markdown source as written. */
  | 'MARKDOWN'
  /** Plain text without markup. */
  | 'TEXT';

/** A new API token. */
export type CreateApiTokenInput = {
  /** Unique among live tokens, e.g. "alice". */
  name: Scalars['String']['input'];
  role: Role;
};

/** A new company. */
export type CreateCompanyInput = {
  /** Markdown. */
  description: Scalars['String']['input'];
  industry: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** Lower-case kebab-case, unique among companies; it cannot change later. */
  slug: Scalars['String']['input'];
};

/** A new series day. */
export type CreateDayInput = {
  /** Markdown. */
  body: Scalars['String']['input'];
  /** The day number, unique; it cannot change later. */
  number: Scalars['Int']['input'];
  summary: Scalars['String']['input'];
  title: Scalars['String']['input'];
  topic: Scalars['String']['input'];
};

/** A new practice. */
export type CreatePracticeInput = {
  /** Markdown. */
  description: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** Lower-case kebab-case, unique among practices; it cannot change later. */
  slug: Scalars['String']['input'];
};

/** A new recap; it is a draft until `publishRecap`. */
export type CreateRecapInput = {
  /** Markdown. */
  body: Scalars['String']['input'];
  coversDays: Array<Scalars['Int']['input']>;
  /** The day the recap is published on (an existing day); it cannot change later. */
  day: Scalars['Int']['input'];
  points: Array<Scalars['String']['input']>;
  /** Slugs of the stories it links, in order. */
  stories: Array<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

/** A new story; it is a draft until `publishStory`. */
export type CreateStoryInput = {
  /** Markdown; raw HTML in it is shown as text. */
  body: Scalars['String']['input'];
  /** The slug of the company. */
  company: Scalars['String']['input'];
  /** The series day the story belongs to. */
  day?: InputMaybe<Scalars['Int']['input']>;
  headline: Scalars['String']['input'];
  metrics?: InputMaybe<Array<MetricInput>>;
  /** Practice slugs, at least one. */
  practices: Array<Scalars['String']['input']>;
  /** Lower-case kebab-case, unique among stories; it cannot change later. */
  slug: Scalars['String']['input'];
  /** At least one. */
  sources: Array<SourceInput>;
  summary: Scalars['String']['input'];
  title: Scalars['String']['input'];
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** Which company, at which version. */
export type DeleteCompanyInput = {
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  /** The company's `id`. */
  id: Scalars['ID']['input'];
};

/** Which day, at which version. */
export type DeleteDayInput = {
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  /** The day's `id`. */
  id: Scalars['ID']['input'];
};

/** Which practice, at which version. */
export type DeletePracticeInput = {
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  /** The practice's `id`. */
  id: Scalars['ID']['input'];
};

/** Which recap, at which version. */
export type DeleteRecapInput = {
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  /** The recap's `id`. */
  id: Scalars['ID']['input'];
};

/** Which story, at which version. */
export type DeleteStoryInput = {
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  /** The story's `id`. */
  id: Scalars['ID']['input'];
};

/** A figure with the year it describes and the source that gives it. */
export type MetricInput = {
  /** What readers see; keeps the qualifier's words, e.g. "Employees (about)". */
  label: Scalars['String']['input'];
  /** "about", "up to" or "more than", when the source says so. */
  qualifier?: InputMaybe<Scalars['String']['input']>;
  /** The `id` of one of the story's sources. */
  source: Scalars['String']['input'];
  unit: Scalars['String']['input'];
  value: Scalars['Float']['input'];
  /** The year the figure describes, not after its source's year. */
  year: Scalars['Int']['input'];
};

/** Sort direction. */
export type OrderDirection =
  | 'ASC'
  | 'DESC';

/** Where a record comes from. */
export type Origin =
  /** Created over the API: edit it with mutations. */
  | 'API'
  /** A Markdown file of the content folder: edit the file, the import updates the record. */
  | 'FILE';

/** Whether readers see a story or recap: drafts are seen only in preview. */
export type PublicationStatus =
  | 'DRAFT'
  | 'PUBLISHED';

/** Which recap, at which version. */
export type PublishRecapInput = {
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  /** The recap's `id`. */
  id: Scalars['ID']['input'];
};

/** Which story, at which version. */
export type PublishStoryInput = {
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  /** The story's `id`. */
  id: Scalars['ID']['input'];
};

/** Reject a pending submission. */
export type RejectSubmissionInput = {
  id: Scalars['ID']['input'];
  /** Why, for the submitter to see. */
  reason: Scalars['String']['input'];
};

/** Revoke an API token: it stops working at once. */
export type RevokeApiTokenInput = {
  id: Scalars['ID']['input'];
};

/** What an API token may do. */
export type Role =
  /** Everything, plus tokens and the audit log. */
  | 'ADMIN'
  /** Write, preview and publish content. */
  | 'EDITOR'
  /** Review community submissions. */
  | 'MODERATOR';

/** A source the story cites; metrics cite it by `id`. */
export type SourceInput = {
  /** Lower-case kebab-case, unique within the story. */
  id: Scalars['String']['input'];
  kind: SourceKind;
  /** The publisher or venue, not a speaker. */
  publisher?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
  /** An absolute http(s) URL. */
  url: Scalars['String']['input'];
  /** Required when a metric cites the source. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** The kind of publication a source is. */
export type SourceKind =
  | 'ARTICLE'
  | 'BLOG'
  | 'FORUM'
  | 'SLIDES'
  | 'TALK'
  | 'VIDEO';

/** Narrows a story list; every given field must match. */
export type StoryFilter = {
  /** A company slug. */
  company?: InputMaybe<Scalars['String']['input']>;
  /** Stories of this series day. */
  day?: InputMaybe<Scalars['Int']['input']>;
  /** The company's industry, case-insensitive. */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** A practice slug. */
  practice?: InputMaybe<Scalars['String']['input']>;
  /** Stories set in this year or later. */
  yearFrom?: InputMaybe<Scalars['Int']['input']>;
  /** Stories set in this year or earlier. */
  yearTo?: InputMaybe<Scalars['Int']['input']>;
};

/** Sort order; ties are broken by slug. Default: PUBLISHED_AT DESC. */
export type StoryOrder = {
  direction: OrderDirection;
  field: StoryOrderField;
};

/** Fields a story list can be sorted by. */
export type StoryOrderField =
  | 'PUBLISHED_AT'
  | 'TITLE'
  | 'YEAR';

/** Where a community submission stands. */
export type SubmissionStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

/** Your DevOps adoption story, for the moderators to review. Plain text only. */
export type SubmitStoryInput = {
  /** The company that adopted DevOps. */
  company: Scalars['String']['input'];
  /** How moderators may reach you; never published. */
  contact?: InputMaybe<Scalars['String']['input']>;
  /** At least one public source, an http(s) URL. */
  links: Array<Scalars['String']['input']>;
  /** Your name, if you would like credit. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** What came of it, with figures where you have them. */
  outcome: Scalars['String']['input'];
  title: Scalars['String']['input'];
  /** What changed: practices, tools, teams. */
  whatChanged: Scalars['String']['input'];
};

/** Which recap, at which version. */
export type UnpublishRecapInput = {
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  /** The recap's `id`. */
  id: Scalars['ID']['input'];
};

/** Which story, at which version. */
export type UnpublishStoryInput = {
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  /** The story's `id`. */
  id: Scalars['ID']['input'];
};

/** A change to an API company: the fields given replace the current ones. */
export type UpdateCompanyInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** The `version` you last read. */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  industry?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A change to an API day: the fields given replace the current ones. */
export type UpdateDayInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  /** The `version` you last read. */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  summary?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** A change to an API practice: the fields given replace the current ones. */
export type UpdatePracticeInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** The `version` you last read. */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A change to an API recap: the fields given replace the current ones; lists are replaced whole. */
export type UpdateRecapInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  coversDays?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** The `version` you last read. */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  points?: InputMaybe<Array<Scalars['String']['input']>>;
  stories?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A change to an API story: the fields given replace the current ones; lists are replaced whole. */
export type UpdateStoryInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  day?: InputMaybe<Scalars['Int']['input']>;
  /** The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing. */
  expectedVersion: Scalars['Int']['input'];
  headline?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  metrics?: InputMaybe<Array<MetricInput>>;
  practices?: InputMaybe<Array<Scalars['String']['input']>>;
  sources?: InputMaybe<Array<SourceInput>>;
  summary?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** Why a mutation changed nothing, in a way its author can fix. */
export type UserErrorCode =
  /** The record comes from a file: edit the file the message names. */
  | 'EDIT_IN_SOURCE'
  /** A field breaks a content rule; the message says which and how. */
  | 'INVALID'
  /** Other records use this one; change them first. */
  | 'IN_USE'
  /** The record does not exist (any more). */
  | 'NOT_FOUND'
  /** Another record has this slug, day or name. */
  | 'SLUG_TAKEN'
  /** Someone changed the record since you read it; the message gives the current version. */
  | 'VERSION_CONFLICT';

export type StoryCardFieldsFragment = { slug: string, title: string, headline: string, year: number | null, company: { slug: string, name: string }, practices: Array<{ slug: string, name: string }>, metrics: Array<{ label: string, value: number, unit: string, year: number | null }> };

export type StoryLinkFieldsFragment = { slug: string, title: string, headline: string, company: { name: string } };

export type RecapFieldsFragment = { day: number, title: string, points: Array<string>, coversDays: Array<number>, stories: Array<{ slug: string, title: string, headline: string, company: { name: string } }> };

export type StoryListQueryVariables = Exact<{
  filter?: InputMaybe<StoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type StoryListQuery = { stories: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ slug: string, title: string, headline: string, year: number | null, company: { slug: string, name: string }, practices: Array<{ slug: string, name: string }>, metrics: Array<{ label: string, value: number, unit: string, year: number | null }> }> } };

export type FacetsQueryVariables = Exact<{ [key: string]: never; }>;


export type FacetsQuery = { practices: Array<{ slug: string, name: string }>, companies: Array<{ slug: string, name: string }> };

export type StoryQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type StoryQuery = { story: { summary: string, readingTimeMinutes: number, body: string, slug: string, title: string, headline: string, year: number | null, metrics: Array<{ label: string, value: number, unit: string, year: number | null, source: { title: string, url: string } | null }>, sources: Array<{ title: string, url: string, kind: SourceKind, publisher: string | null, year: number | null }>, related: Array<{ slug: string, title: string, headline: string, company: { name: string } }>, company: { slug: string, name: string }, practices: Array<{ slug: string, name: string }> } | null };

export type RecapsQueryVariables = Exact<{ [key: string]: never; }>;


export type RecapsQuery = { recaps: { nodes: Array<{ day: number, title: string, points: Array<string>, coversDays: Array<number>, stories: Array<{ slug: string, title: string, headline: string, company: { name: string } }> }> } };

export type SearchQueryVariables = Exact<{
  query: Scalars['String']['input'];
  filter?: InputMaybe<StoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchQuery = { searchHits: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ score: number, snippet: string, node: { __typename: 'Day', number: number, title: string } | { __typename: 'Recap', day: number, title: string } | { __typename: 'Story', slug: string, title: string, headline: string, year: number | null, company: { slug: string, name: string }, practices: Array<{ slug: string, name: string }>, metrics: Array<{ label: string, value: number, unit: string, year: number | null }> } }> } };

export type RecapPageQueryVariables = Exact<{
  day: Scalars['Int']['input'];
}>;


export type RecapPageQuery = { recap: { day: number, title: string, points: Array<string>, coversDays: Array<number>, stories: Array<{ slug: string, title: string, headline: string, company: { name: string } }> } | null, recaps: { nodes: Array<{ day: number, title: string }> } };

export type DayPageQueryVariables = Exact<{
  day: Scalars['Int']['input'];
}>;


export type DayPageQuery = { day: { number: number, title: string, topic: string, summary: string, recap: { day: number, title: string } | null, stories: Array<{ slug: string, title: string, headline: string, company: { name: string } }> } | null };

export type AttributionQueryVariables = Exact<{ [key: string]: never; }>;


export type AttributionQuery = { attribution: { name: string, author: string, licence: string, licenceUrl: string, url: string } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const StoryCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment StoryCardFields on Story {
  slug
  title
  headline
  year
  company {
    slug
    name
  }
  practices {
    slug
    name
  }
  metrics {
    label
    value
    unit
    year
  }
}
    `, {"fragmentName":"StoryCardFields"}) as unknown as TypedDocumentString<StoryCardFieldsFragment, unknown>;
export const StoryLinkFieldsFragmentDoc = new TypedDocumentString(`
    fragment StoryLinkFields on Story {
  slug
  title
  headline
  company {
    name
  }
}
    `, {"fragmentName":"StoryLinkFields"}) as unknown as TypedDocumentString<StoryLinkFieldsFragment, unknown>;
export const RecapFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecapFields on Recap {
  day
  title
  points
  coversDays
  stories {
    ...StoryLinkFields
  }
}
    fragment StoryLinkFields on Story {
  slug
  title
  headline
  company {
    name
  }
}`, {"fragmentName":"RecapFields"}) as unknown as TypedDocumentString<RecapFieldsFragment, unknown>;
export const StoryListDocument = new TypedDocumentString(`
    query StoryList($filter: StoryFilter, $first: Int, $after: String) {
  stories(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...StoryCardFields
    }
  }
}
    fragment StoryCardFields on Story {
  slug
  title
  headline
  year
  company {
    slug
    name
  }
  practices {
    slug
    name
  }
  metrics {
    label
    value
    unit
    year
  }
}`, {"hash":"4836d8ec880e1b3706c61c91fc19d442829017bc84f116ea97ba481489a1b4c5"}) as unknown as TypedDocumentString<StoryListQuery, StoryListQueryVariables>;
export const FacetsDocument = new TypedDocumentString(`
    query Facets {
  practices {
    slug
    name
  }
  companies {
    slug
    name
  }
}
    `, {"hash":"2b252acc2b7deb23778a4488a22473aa85049459ae37fe4d0c5e7ee4c390c2ff"}) as unknown as TypedDocumentString<FacetsQuery, FacetsQueryVariables>;
export const StoryDocument = new TypedDocumentString(`
    query Story($slug: String!) {
  story(slug: $slug) {
    ...StoryCardFields
    summary
    readingTimeMinutes
    body(format: HTML)
    metrics {
      label
      value
      unit
      year
      source {
        title
        url
      }
    }
    sources {
      title
      url
      kind
      publisher
      year
    }
    related {
      ...StoryLinkFields
    }
  }
}
    fragment StoryCardFields on Story {
  slug
  title
  headline
  year
  company {
    slug
    name
  }
  practices {
    slug
    name
  }
  metrics {
    label
    value
    unit
    year
  }
}
fragment StoryLinkFields on Story {
  slug
  title
  headline
  company {
    name
  }
}`, {"hash":"b4c2c383b664168583374d8dc793c7698fa4a49c93b3c30186bb9f4cbb04850d"}) as unknown as TypedDocumentString<StoryQuery, StoryQueryVariables>;
export const RecapsDocument = new TypedDocumentString(`
    query Recaps {
  recaps(first: 20) {
    nodes {
      ...RecapFields
    }
  }
}
    fragment StoryLinkFields on Story {
  slug
  title
  headline
  company {
    name
  }
}
fragment RecapFields on Recap {
  day
  title
  points
  coversDays
  stories {
    ...StoryLinkFields
  }
}`, {"hash":"1372a24f6546f25ab83de9c0dc5b6786a91461f36f11a19815866a3935eae522"}) as unknown as TypedDocumentString<RecapsQuery, RecapsQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!, $filter: StoryFilter, $first: Int, $after: String) {
  searchHits(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      score
      snippet
      node {
        __typename
        ... on Story {
          ...StoryCardFields
        }
        ... on Recap {
          day
          title
        }
        ... on Day {
          number
          title
        }
      }
    }
  }
}
    fragment StoryCardFields on Story {
  slug
  title
  headline
  year
  company {
    slug
    name
  }
  practices {
    slug
    name
  }
  metrics {
    label
    value
    unit
    year
  }
}`, {"hash":"089376ec8838c2037b25279cd2310f0cb7baf9e3daca4b9ba0c4063238c876e9"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const RecapPageDocument = new TypedDocumentString(`
    query RecapPage($day: Int!) {
  recap(day: $day) {
    ...RecapFields
  }
  recaps(first: 100) {
    nodes {
      day
      title
    }
  }
}
    fragment StoryLinkFields on Story {
  slug
  title
  headline
  company {
    name
  }
}
fragment RecapFields on Recap {
  day
  title
  points
  coversDays
  stories {
    ...StoryLinkFields
  }
}`, {"hash":"eafc1b720bb0d6da004e38e13239332023694f838c4649ce3e79b95224f32291"}) as unknown as TypedDocumentString<RecapPageQuery, RecapPageQueryVariables>;
export const DayPageDocument = new TypedDocumentString(`
    query DayPage($day: Int!) {
  day(number: $day) {
    number
    title
    topic
    summary
    recap {
      day
      title
    }
    stories {
      ...StoryLinkFields
    }
  }
}
    fragment StoryLinkFields on Story {
  slug
  title
  headline
  company {
    name
  }
}`, {"hash":"be77c38cf6af0581a419cbb12f6a43e4832d9e12530397e6f215d1ac59b26a68"}) as unknown as TypedDocumentString<DayPageQuery, DayPageQueryVariables>;
export const AttributionDocument = new TypedDocumentString(`
    query Attribution {
  attribution {
    name
    author
    licence
    licenceUrl
    url
  }
}
    `, {"hash":"976504701637e8fea734f7a39cae3a0c1d97af813878524d52a2a07adae39100"}) as unknown as TypedDocumentString<AttributionQuery, AttributionQueryVariables>;