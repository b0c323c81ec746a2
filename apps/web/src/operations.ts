import { graphql } from './gql/index.js';

/** The fields a story card shows: list, search results and related stories share it. */
export const storyCardFields = graphql(`
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
`);

/** What a link to a story shows: the recap's and a story's related lists share it. */
export const storyLinkFields = graphql(`
  fragment StoryLinkFields on Story {
    slug
    title
    headline
    company {
      name
    }
  }
`);

/** A recap with its points and the stories it links. */
export const recapFields = graphql(`
  fragment RecapFields on Recap {
    day
    title
    points
    coversDays
    stories {
      ...StoryLinkFields
    }
  }
`);

/** One page of the story list under the chip filters; `after` continues it ("Load more"). */
export const storyListQuery = graphql(`
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
`);

/** The practices and companies the filter chips offer. */
export const facetsQuery = graphql(`
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
`);

/** Everything the story view shows; the body comes as the server's safe HTML. */
export const storyQuery = graphql(`
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
`);

/**
 * The first 20 recaps in day order, enough for the series (`first: 100` would cost 1,201, over the
 * API's limit of 1,000); the recap view shows the last when no `day` is set.
 */
export const recapsQuery = graphql(`
  query Recaps {
    recaps(first: 20) {
      nodes {
        ...RecapFields
      }
    }
  }
`);

/**
 * One page of ranked full-text search under the chip filters, with the count of every hit under
 * them; `after` continues it. The snippet marks matches with « and ».
 */
export const searchQuery = graphql(`
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
`);

/**
 * The recap of one series day with the list of every recap, which gives its previous and
 * next. `$day` is named like the other operations' day variable on purpose.
 */
export const recapPageQuery = graphql(`
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
`);

/** One series day: its title, summary, stories and recap, for the day view a search hit opens. */
export const dayQuery = graphql(`
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
`);

/** The credit the content's licence requires wherever it is shown: the line at the element's foot. */
export const attributionQuery = graphql(`
  query Attribution {
    attribution {
      name
      author
      licence
      licenceUrl
      url
    }
  }
`);
