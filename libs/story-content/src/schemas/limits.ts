/**
 * Every length and count the content accepts, defined once: the Markdown loader, the GraphQL
 * mutations and community submissions validate against the same figures, and the API's docs
 * quote them.
 */
export const LIMITS = {
  /** Slugs and source ids: lower-case kebab case. */
  slug: 80,
  /** A story's or recap's title. */
  title: 120,
  /** A story's one-line hook. */
  headline: 160,
  /** A story's or day's summary. */
  summary: 600,
  /** Names: companies, practices, industries, units, publishers. */
  name: 120,
  /** A metric's label, a day's topic, a recap point. */
  label: 240,
  /** Source titles. */
  sourceTitle: 300,
  /** URLs. */
  url: 2048,
  /** Markdown bodies: stories, days, recaps, company and practice descriptions. */
  body: 50_000,
  /** Practices one story names. */
  practices: 12,
  /** Sources one story cites. */
  sources: 30,
  /** Metrics one story reports. */
  metrics: 30,
  /** Points of a recap. */
  points: 20,
  /** Stories one recap links, days one recap covers. */
  recapStories: 50,
  /** Series days run from 1 to this. */
  lastDay: 90,
  /** Years a story, source or metric may name. */
  firstYear: 1900,
  lastYear: 2100,
} as const;

/** What a community submission may hold. */
export const SUBMISSION_LIMITS = {
  company: 120,
  title: 160,
  /** "What changed" and "Outcome": plain text. */
  text: 5000,
  /** Source links: at least one. */
  links: 5,
  name: 80,
  contact: 200,
  /** A moderator's public note or rejection reason. */
  note: 1000,
} as const;
