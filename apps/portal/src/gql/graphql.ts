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

/** How a Markdown body is returned. */
export type BodyFormat =
  /** Safe HTML: no raw HTML, no script, only http(s) and mailto links. */
  | 'HTML'
  /** The Markdown source as written. */
  | 'MARKDOWN'
  /** Plain text without markup. */
  | 'TEXT';

/** Sort direction. */
export type OrderDirection =
  | 'ASC'
  | 'DESC';

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

export type PortalDaysQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalDaysQuery = { days: Array<{ number: number, title: string, topic: string, summary: string, stories: Array<{ slug: string, title: string }>, recap: { title: string } | null }> };

export type PortalDayQueryVariables = Exact<{
  number: Scalars['Int']['input'];
}>;


export type PortalDayQuery = { day: { number: number, title: string, topic: string, summary: string, stories: Array<{ slug: string, title: string, headline: string, summary: string, year: number | null, readingTimeMinutes: number, company: { name: string, industry: string }, practices: Array<{ name: string }>, metrics: Array<{ label: string, value: number, unit: string, year: number | null }> }>, recap: { day: number, title: string, points: Array<string> } | null } | null, days: Array<{ number: number, title: string }> };

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

export const PortalDaysDocument = new TypedDocumentString(`
    query PortalDays {
  days {
    number
    title
    topic
    summary
    stories {
      slug
      title
    }
    recap {
      title
    }
  }
}
    `, {"hash":"24df42292b8baafd8a496766f9495940aa5dc191895bca01ad2a40051d3a1a4e"}) as unknown as TypedDocumentString<PortalDaysQuery, PortalDaysQueryVariables>;
export const PortalDayDocument = new TypedDocumentString(`
    query PortalDay($number: Int!) {
  day(number: $number) {
    number
    title
    topic
    summary
    stories {
      slug
      title
      headline
      summary
      year
      readingTimeMinutes
      company {
        name
        industry
      }
      practices {
        name
      }
      metrics {
        label
        value
        unit
        year
      }
    }
    recap {
      day
      title
      points
    }
  }
  days {
    number
    title
  }
}
    `, {"hash":"edff3e1421b7af7e6f80ceb17ecdb9a2af9f02e19d55d161f72a22ced41b5649"}) as unknown as TypedDocumentString<PortalDayQuery, PortalDayQueryVariables>;