/*
 * The words synthetic stories are written with: DevOps prose (teams, systems, tools, practices,
 * figures) for the common vocabulary, and made-up words for the rare tail (see `rareWord`).
 */

/** First halves of company names; with {@link COMPANY_KINDS} they make 48 × 40 distinct names. */
export const COMPANY_PREFIXES = [
  'Northwind',
  'Blue Harbor',
  'Redwood',
  'Silver Lake',
  'Ironbridge',
  'Cedar',
  'Bright Path',
  'Granite',
  'Harbor Point',
  'Summit',
  'Maple',
  'Orion',
  'Atlas',
  'Beacon',
  'Copper',
  'Falcon',
  'Juniper',
  'Lighthouse',
  'Meridian',
  'Nimbus',
  'Oakridge',
  'Pinecrest',
  'Quarry',
  'Riverbend',
  'Sable',
  'Tidewater',
  'Upland',
  'Vantage',
  'Westfield',
  'Yellowfin',
  'Zephyr',
  'Aurora',
  'Birch',
  'Clearwater',
  'Driftwood',
  'Evergreen',
  'Foxglove',
  'Goldcrest',
  'Highland',
  'Indigo',
  'Kestrel',
  'Larkspur',
  'Moonstone',
  'Northstar',
  'Open Range',
  'Prairie',
  'Rosewood',
  'Stonegate',
] as const;

/** Second halves of company names, each with the industry it puts the company in. */
export const COMPANY_KINDS: readonly (readonly [name: string, industry: string])[] = [
  ['Bank', 'Banking'],
  ['Insurance', 'Insurance'],
  ['Logistics', 'Logistics'],
  ['Health', 'Healthcare'],
  ['Retail', 'Retail'],
  ['Airlines', 'Aviation'],
  ['Media', 'Media'],
  ['Telecom', 'Telecommunications'],
  ['Games', 'Video games'],
  ['Energy', 'Energy'],
  ['Foods', 'Food and beverage'],
  ['Motors', 'Automotive'],
  ['Pharma', 'Pharmaceuticals'],
  ['Labs', 'Software'],
  ['Systems', 'Enterprise software'],
  ['Travel', 'Travel'],
  ['Books', 'E-commerce'],
  ['Streaming', 'Streaming media'],
  ['Payments', 'Financial technology'],
  ['University', 'Higher education'],
  ['Council', 'Public sector'],
  ['Rail', 'Transport'],
  ['Hotels', 'Hospitality'],
  ['Markets', 'E-commerce'],
  ['Freight', 'Logistics'],
  ['Clinics', 'Healthcare'],
  ['Studios', 'Media'],
  ['Robotics', 'Manufacturing'],
  ['Grocers', 'Retail'],
  ['Analytics', 'Software'],
  ['Mutual', 'Insurance'],
  ['Credit Union', 'Banking'],
  ['Space Agency', 'Space research'],
  ['Weather Service', 'Public sector'],
  ['Shipping', 'Logistics'],
  ['Cloud', 'Cloud computing'],
  ['Security', 'Cybersecurity'],
  ['Ticketing', 'Entertainment'],
  ['Marketplace', 'E-commerce'],
  ['Semiconductors', 'Manufacturing'],
];

/** Practices a story can name, most common first (they are drawn with Zipf's law in this order). */
export const PRACTICE_NAMES = [
  'Continuous integration',
  'Continuous deployment',
  'Automated testing',
  'Infrastructure as code',
  'Continuous monitoring',
  'Cloud migration',
  'Microservices',
  'Developer ownership',
  'Blameless postmortems',
  'Feature flags',
  'Canary release',
  'Trunk-based development',
  'Deployment pipelines',
  'Continuous delivery',
  'Containers',
  'Container orchestration',
  'Observability',
  'Site reliability engineering',
  'Error budgets',
  'Rollback',
  'Immutable infrastructure',
  'Configuration management',
  'Blue-green deployment',
  'Platform engineering',
  'Self-service infrastructure',
  'Incident response',
  'On-call rotation',
  'Chaos engineering',
  'Distributed tracing',
  'Log aggregation',
  'GitOps',
  'Autoscaling',
  'Shift-left security',
  'Secrets management',
  'Value stream mapping',
  'DevOps dojo',
  'Learning culture',
  'Small batch sizes',
  'Database migrations',
  'Dark launches',
  'Release trains',
  'Service mesh',
  'Contract testing',
  'Internal developer platform',
] as const;

/** Who does things in a story. */
export const TEAMS = [
  'the platform team',
  'the release engineers',
  'the site reliability team',
  'the payments team',
  'the mobile team',
  'the data team',
  'the product engineers',
  'the operations group',
  'the security team',
  'the infrastructure team',
  'the pilot squad',
  'the checkout team',
  'the search team',
  'the web team',
  'the integration team',
] as const;

/** What they change. */
export const SYSTEMS = [
  'the monolith',
  'the checkout service',
  'the billing system',
  'the mobile backend',
  'the order pipeline',
  'the data warehouse',
  'the customer portal',
  'the booking engine',
  'the legacy mainframe',
  'the recommendation service',
  'the API gateway',
  'the inventory service',
  'the message queue',
  'the identity service',
  'the claims system',
  'the pricing engine',
  'the reporting stack',
  'the content management system',
] as const;

/** What they use. */
export const TOOLS = [
  'Jenkins',
  'GitHub Actions',
  'GitLab CI',
  'Terraform',
  'Ansible',
  'Kubernetes',
  'Docker',
  'Prometheus',
  'Grafana',
  'Spinnaker',
  'Argo CD',
  'Vault',
  'OpenTelemetry',
  'Chef',
  'Puppet',
  'Helm',
  'Nomad',
  'Consul',
  'Buildkite',
  'CircleCI',
  'Bazel',
  'Gradle',
  'Packer',
  'Pulumi',
] as const;

/** How often things ship, most frequent first. */
export const FREQUENCIES = [
  'dozens of times a day',
  'several times a day',
  'every day',
  'a few times a week',
  'every week',
  'every two weeks',
  'once a month',
  'once a quarter',
  'twice a year',
] as const;

/** Section headings of a story body. */
export const HEADINGS = [
  'Where it started',
  'The first pipeline',
  'What changed',
  'Measuring progress',
  'What went wrong',
  'What they learned',
  'The tooling',
  'Culture and ownership',
  'Results',
  'Scaling it out',
  'The hard parts',
  'Next steps',
  'Releasing without fear',
  'Who owns production',
] as const;

/**
 * Sentence templates of story bodies. Slots: `{team}` `{team2}` `{system}` `{tool}` `{practice}`
 * `{company}` `{industry}` `{freq}` `{oldFreq}` `{n}` `{m}` `{h}` `{k}` `{p}` `{x}` `{y}` `{w}`
 * `{period}` and `{rare}`, a word of the rare tail.
 */
export const SENTENCES = [
  '{Team} moved {system} onto {tool}, and every change now goes through the same pipeline.',
  'Before the change, a release of {system} needed {n} people and most of a weekend.',
  'Each deploy of {system} now takes {m} minutes from merge to production.',
  '{Team} deploys {system} {freq}, where it used to ship {oldFreq}.',
  'The first automated deployment pipeline covered only {system}, which was small enough to rebuild if it went wrong.',
  'Nobody had to ask the operations group for a server any more: {team2} provisioned one with {tool} in minutes.',
  'Incidents were reviewed without blame, and each review ended with {k} concrete follow-up actions.',
  'They measured lead time, deployment frequency, change failure rate and time to restore, and published the figures every {period}.',
  '{Tool} replaced a set of shell scripts that only two engineers understood.',
  'When a release misbehaved, a rollback to the previous version took {m} minutes.',
  'Feature flags let {team2} deploy unfinished work switched off and turn it on for a small share of customers first.',
  'The {rare} service was the last one to leave the old data centre.',
  'Monitoring came first: without dashboards for latency and errors, nobody could tell whether a deploy had helped or hurt.',
  '{Team} split {system} into {k} services, each with its own repository and its own pipeline.',
  'Tests that took {h} hours overnight were cut down to a suite that ran in {m} minutes on every commit.',
  'Managers stopped approving individual changes and instead reviewed the automated checks every change had to pass.',
  'A weekly demo showed the rest of the company what had shipped, which built trust in smaller, more frequent releases.',
  'On-call duty moved to the engineers who wrote the code, which made them care about alerts that fired at night.',
  'Canary releases sent {p} percent of traffic to a new version and compared its error rate with the old one.',
  'The migration to the cloud took {y} years, longer than planned, because {system} depended on a shared database.',
  'Infrastructure was described in code and reviewed like any other change, so environments stopped drifting apart.',
  'Engineers from {team2} spent {w} weeks in a dojo, pairing with coaches on their own backlog.',
  'Security checks ran in the pipeline instead of at the end, so findings reached developers within the hour.',
  'The old change advisory board met once a week; after the change, most deployments needed no meeting at all.',
  'Internally the effort was nicknamed {rare}, after a joke in the first planning meeting.',
  'Not everything worked: the first attempt at {practice} stalled when {system} could not be tested in isolation.',
  'Error budgets gave {team2} a shared rule for when to slow down and fix reliability before shipping features.',
  'Every deployment was logged with who made it, what changed and how to undo it.',
  'Engineers could see their change in production within {m} minutes and watch its metrics on the same screen.',
  'Customers noticed fewer outages, even though the number of deploys had grown {x} times.',
  'Build artifacts were versioned and stored once, and the same artifact moved through test, staging and production.',
  'A platform team offered {tool} as a paved road, and teams that followed it got monitoring and alerts for free.',
  'Database changes were the hardest part: they were split into small, backward-compatible steps released separately.',
  '{Company} presented its lessons at conferences, and other teams in {industry} copied parts of the approach.',
  'Release notes were generated from the commit history rather than written by hand the night before.',
  'Some teams resisted at first, worried that releasing more often would mean breaking things more often.',
  'Pairing on production issues spread knowledge that had lived in one or two heads.',
  'Small batch sizes made each change easier to review, test and, when needed, roll back.',
  'The {rare} dashboard became the first screen everyone opened in the morning.',
  '{Team} kept a list of every manual step in a release and automated the slowest one each month.',
] as const;

/** Items of a list in a story body; same slots as {@link SENTENCES}. */
export const LIST_ITEMS = [
  'automated tests on every commit',
  'one-click rollback to the previous version',
  'a dashboard for each service, owned by its team',
  'deploys during business hours, when everyone is awake',
  'a shared runbook for incidents',
  '{tool} for every new environment',
  'postmortems within {k} days of an incident',
  'infrastructure defined in {tool} and reviewed in pull requests',
  'feature flags for anything customers can see',
  'a canary stage that takes {p} percent of traffic',
  'on-call shifts of one week, handed over in person',
  'alerts that page a person only when customers are affected',
  'a release checklist that shrank from {n} items to {k}',
  'the {rare} migration tracked on one page',
  'deploying {system} {freq}',
] as const;

/** Title patterns of a story, after the company's name. */
export const TITLES = [
  'from releases {oldFreq} to deploys {freq}',
  '{practice} across {k} teams',
  'how {team} learned {practice}',
  'moving {system} to {tool}',
  '{practice}, one service at a time',
  'shipping {system} {freq}',
  'what {practice} changed for {team}',
] as const;

/** Metrics a story reports: label (never naming a qualifier), unit, range and decimals of the value. */
export const METRICS: readonly (readonly [label: string, unit: string, min: number, max: number, decimals: number])[] =
  [
    ['Deployments per day', 'deploys', 1, 200, 0],
    ['Lead time from commit to production', 'hours', 0.5, 72, 1],
    ['Change failure rate', 'percent', 1, 30, 0],
    ['Mean time to restore service', 'minutes', 5, 240, 0],
    ['Engineers shipping to production', 'engineers', 20, 3000, 0],
    ['Services in production', 'services', 5, 1500, 0],
    ['Releases per month before the change', 'releases', 1, 4, 0],
    ['Build and test time', 'minutes', 3, 90, 0],
    ['Availability', 'percent', 99, 99.99, 2],
    ['Servers managed as code', 'servers', 50, 20000, 0],
    ['Incidents per quarter', 'incidents', 2, 80, 0],
    ['Share of traffic on the new platform', 'percent', 10, 100, 0],
  ];

/** Publishers a source can name. */
export const PUBLISHERS = [
  'DevOps Enterprise Summit',
  'QCon',
  'Velocity',
  'the company engineering blog',
  'SREcon',
  'KubeCon',
  'InfoQ',
  'a trade magazine',
] as const;

/** Topics of the series days. */
export const DAY_TOPICS = [
  'What DevOps is and why we use it',
  'The responsibilities of a DevOps engineer',
  'The application lifecycle',
  'Agile and DevOps',
  'Planning, coding, building and testing',
  'Release, deploy, operate and monitor',
  'A programming language for operators',
  'Linux fundamentals',
  'Networking',
  'Cloud providers',
  'Version control with Git',
  'Containers',
  'Kubernetes',
  'Infrastructure as code',
  'Configuration management',
  'Continuous integration and delivery',
  'Monitoring, logging and observability',
  'Data management',
] as const;

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v));

/** How many distinct words {@link rareWord} makes: three syllables of 70 and a final "x". */
export const RARE_WORDS = SYLLABLES.length ** 3;

/**
 * The `index`-th made-up word of the rare tail (`kovatex`, `zulimex`, ...): all the same length,
 * so none is a prefix of another (search matches word prefixes), and none an English word.
 */
export function rareWord(index: number): string {
  const n = ((index % RARE_WORDS) + RARE_WORDS) % RARE_WORDS;
  const s = SYLLABLES.length;
  return `${SYLLABLES[Math.floor(n / (s * s))]}${SYLLABLES[Math.floor(n / s) % s]}${SYLLABLES[n % s]}x`;
}
