/** A glossary entry as written, with the patterns that find it in a story's text. */
export interface TermEntry {
  slug: string;
  name: string;
  abbreviation: string | null;
  definition: string;
  seeAlso: readonly string[];
  /** Any match means a text uses the term; abbreviations match case-sensitively as whole words. */
  patterns: readonly RegExp[];
}

/** The DevOps glossary, in the team's own words, ordered by name. */
export const GLOSSARY: readonly TermEntry[] = [
  {
    slug: 'blameless-post-mortem',
    name: 'Blameless post-mortem',
    abbreviation: null,
    definition:
      'A review held after an incident that asks how the system and the process let it happen, not who is at fault, so people report problems openly and the fixes target causes.',
    seeAlso: ['mean-time-to-recovery'],
    patterns: [/\bblameless\b/i, /\bpost-?mortems?\b/i],
  },
  {
    slug: 'canary-release',
    name: 'Canary release',
    abbreviation: null,
    definition:
      'Sending a new version a small slice of real traffic first and comparing its health with the current version before letting it take the rest.',
    seeAlso: ['rollback', 'red-black-deployment'],
    patterns: [/\bcanar(y|ies)\b/i],
  },
  {
    slug: 'continuous-delivery',
    name: 'Continuous delivery',
    abbreviation: 'CD',
    definition:
      'Keeping every change in a releasable state, with the path to production automated, so that shipping is a business decision rather than a project. CD stands for continuous delivery or for continuous deployment, so say which you mean.',
    seeAlso: ['continuous-integration', 'continuous-deployment'],
    patterns: [/\bcontinuous delivery\b/i],
  },
  {
    slug: 'continuous-deployment',
    name: 'Continuous deployment',
    abbreviation: null,
    definition:
      'Going one step past continuous delivery: every change that passes the automated checks goes to production without a manual release step. It is also shortened to CD, like continuous delivery.',
    seeAlso: ['continuous-delivery', 'deployment-pipeline'],
    patterns: [/\bcontinuous(ly)? deploy(ment|s|ing)?\b/i],
  },
  {
    slug: 'continuous-integration',
    name: 'Continuous integration',
    abbreviation: 'CI',
    definition:
      'Merging work into the shared main line many times a day, with an automated build and tests run on each push, before the change is merged, so conflicts and regressions show up while they are small.',
    seeAlso: ['continuous-delivery'],
    patterns: [/\bcontinuous integration\b/i, /\bCI\b/],
  },
  {
    slug: 'deployment-pipeline',
    name: 'Deployment pipeline',
    abbreviation: null,
    definition:
      'The automated sequence of build, test and release stages a change passes through on its way to production; a failure at any stage stops it.',
    seeAlso: ['continuous-integration', 'continuous-deployment'],
    // Only the named term: a "data pipeline" or a plain "pipeline" is something else.
    patterns: [/\b(deployment|delivery|release|CI\/CD) pipelines?\b/i],
  },
  {
    slug: 'immutable-infrastructure',
    name: 'Immutable infrastructure',
    abbreviation: null,
    definition:
      'Servers are never changed in place: a change produces a new machine image and new instances replace the old ones, so every server matches a known build.',
    seeAlso: ['machine-image', 'rollback'],
    patterns: [/\bimmutable\b/i, /\bpatched in place\b/i],
  },
  {
    slug: 'infrastructure-as-code',
    name: 'Infrastructure as code',
    abbreviation: 'IaC',
    definition:
      'Describing servers, networks and services in version-controlled files that tools apply, so environments are reviewed, repeatable and rebuilt from source.',
    seeAlso: ['immutable-infrastructure'],
    patterns: [/\binfrastructure as code\b/i, /\bIaC\b/],
  },
  {
    slug: 'machine-image',
    name: 'Machine image',
    abbreviation: null,
    definition:
      'A snapshot of an operating system with the application already installed, from which identical servers start. AMI (Amazon Machine Image) is the name AWS gives its machine images. Building one is called baking.',
    seeAlso: ['immutable-infrastructure'],
    patterns: [/\bmachine images?\b/i, /\bAMIs?\b/, /\bbak(e|ed|es|ing)\b/i],
  },
  {
    slug: 'mean-time-to-detect',
    name: 'Mean time to detect',
    abbreviation: 'MTTD',
    definition: 'The average time between a problem starting and someone, or something, noticing it.',
    seeAlso: ['mean-time-to-recovery'],
    patterns: [/\bmean time to detect(ion)?\b/i, /\bMTTD\b/],
  },
  {
    slug: 'mean-time-to-recovery',
    name: 'Mean time to recovery',
    abbreviation: 'MTTR',
    definition:
      'The average time from a failure to service being restored; teams that deploy often aim to keep it short rather than to never fail.',
    seeAlso: ['mean-time-to-detect', 'rollback'],
    patterns: [/\bmean time to (recover|recovery|restore)\b/i, /\bMTTR\b/],
  },
  {
    slug: 'microservices',
    name: 'Microservices',
    abbreviation: null,
    definition:
      'An application built as many small services, each owned by one team and deployed on its own, instead of one large program released as a whole.',
    seeAlso: ['two-pizza-team'],
    patterns: [/\bmicroservices?\b/i],
  },
  {
    slug: 'red-black-deployment',
    name: 'Red/black deployment',
    abbreviation: null,
    definition:
      'Starting the new version beside the old one and switching traffic over in one step, keeping the old version running so traffic can switch back; also called blue/green.',
    seeAlso: ['canary-release', 'rollback'],
    patterns: [/\bred\/black\b/i, /\bblue\/green\b/i, /\bblue-green\b/i],
  },
  {
    slug: 'rollback',
    name: 'Rollback',
    abbreviation: null,
    definition:
      'Returning production to the previous working version when a release misbehaves; automated rollback does it on a failed health check without waiting for a person.',
    seeAlso: ['canary-release', 'mean-time-to-recovery'],
    patterns: [/\broll ?backs?\b/i, /\brolled back\b/i],
  },
  {
    slug: 'two-pizza-team',
    name: 'Two-pizza team',
    abbreviation: null,
    definition:
      "Amazon's rule of thumb for team size: small enough to be fed by two pizzas, and owning its services end to end.",
    seeAlso: ['microservices'],
    patterns: [/\btwo-pizza\b/i],
  },
];
