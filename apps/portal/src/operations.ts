import { graphql } from './gql/index.js';

/** The index page: every series day with its stories' titles and its recap. */
export const portalDaysQuery = graphql(`
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
`);

/**
 * A Day page: the day, its stories with their key figures and its recap, rendered on the
 * server; `days` gives the previous and next day.
 */
export const portalDayQuery = graphql(`
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
`);
