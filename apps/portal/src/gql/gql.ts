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
    "\n  query PortalDays {\n    days {\n      number\n      title\n      topic\n      summary\n      stories {\n        slug\n        title\n      }\n      recap {\n        title\n      }\n    }\n  }\n": typeof types.PortalDaysDocument,
    "\n  query PortalDay($number: Int!) {\n    day(number: $number) {\n      number\n      title\n      topic\n      summary\n      stories {\n        slug\n        title\n        headline\n        summary\n        year\n        readingTimeMinutes\n        company {\n          name\n          industry\n        }\n        practices {\n          name\n        }\n        metrics {\n          label\n          value\n          unit\n          year\n        }\n      }\n      recap {\n        day\n        title\n        points\n      }\n    }\n    days {\n      number\n      title\n    }\n  }\n": typeof types.PortalDayDocument,
};
const documents: Documents = {
    "\n  query PortalDays {\n    days {\n      number\n      title\n      topic\n      summary\n      stories {\n        slug\n        title\n      }\n      recap {\n        title\n      }\n    }\n  }\n": types.PortalDaysDocument,
    "\n  query PortalDay($number: Int!) {\n    day(number: $number) {\n      number\n      title\n      topic\n      summary\n      stories {\n        slug\n        title\n        headline\n        summary\n        year\n        readingTimeMinutes\n        company {\n          name\n          industry\n        }\n        practices {\n          name\n        }\n        metrics {\n          label\n          value\n          unit\n          year\n        }\n      }\n      recap {\n        day\n        title\n        points\n      }\n    }\n    days {\n      number\n      title\n    }\n  }\n": types.PortalDayDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalDays {\n    days {\n      number\n      title\n      topic\n      summary\n      stories {\n        slug\n        title\n      }\n      recap {\n        title\n      }\n    }\n  }\n"): typeof import('./graphql.js').PortalDaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalDay($number: Int!) {\n    day(number: $number) {\n      number\n      title\n      topic\n      summary\n      stories {\n        slug\n        title\n        headline\n        summary\n        year\n        readingTimeMinutes\n        company {\n          name\n          industry\n        }\n        practices {\n          name\n        }\n        metrics {\n          label\n          value\n          unit\n          year\n        }\n      }\n      recap {\n        day\n        title\n        points\n      }\n    }\n    days {\n      number\n      title\n    }\n  }\n"): typeof import('./graphql.js').PortalDayDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
