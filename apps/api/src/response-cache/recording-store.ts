import { toGlobalId } from '@devops-stories/story-graph';
import type { NodeTypename } from '@devops-stories/story-model';
import type { ContentSource } from '@devops-stories/story-content';
import type {
  ChangedList,
  ContentChange,
  ImportOptions,
  NestedPageQuery,
  SearchQuery,
  StoryListPage,
  StoryListQuery,
  StoryStore,
  StorySummaryRecord,
  StoryView,
} from '@devops-stories/story-store';

const ids = new Map<string, string>();

/** {@link toGlobalId}, remembered: a request tags dozens of nodes, and the content holds a few hundred. */
function globalId(type: NodeTypename, key: string | number): string {
  const name = `${type}:${key}`;
  let id = ids.get(name);
  if (id === undefined) {
    if (ids.size >= 10_000) ids.clear();
    id = toGlobalId(type, key);
    ids.set(name, id);
  }
  return id;
}

/** The tags a content change purges: the global id of each node it names, and its lists. */
export function changeTags(change: ContentChange): string[] {
  return [...change.nodes.map((n) => toGlobalId(n.type, n.key)), ...change.lists];
}

/**
 * A request's view of the store that notes what the request read, as response-cache tags: the
 * global id of every story, company, practice, day and recap it read (also those it looked up
 * and did not find: a missing story appears when it is published) and the list tag of every
 * list it read (`series` for the series credit). A change the store announces names the same ids and lists ({@link changeTags}),
 * so an entry tagged with what its request read is purged by every change that could alter it.
 */
export class RecordingStore implements StoryStore {
  readonly tags = new Set<string>();

  // Writes, tokens, submissions, the audit log and authors' documents go straight to the store:
  // the lean path runs anonymous queries, which read none of them (a personal answer is never cached).
  readonly create: StoryStore['create'];
  readonly update: StoryStore['update'];
  readonly delete: StoryStore['delete'];
  readonly setStatus: StoryStore['setStatus'];
  readonly storyDocuments: StoryStore['storyDocuments'];
  readonly handOver: StoryStore['handOver'];
  readonly createToken: StoryStore['createToken'];
  readonly listTokens: StoryStore['listTokens'];
  readonly revokeToken: StoryStore['revokeToken'];
  readonly authenticate: StoryStore['authenticate'];
  readonly submit: StoryStore['submit'];
  readonly submissionByReceipt: StoryStore['submissionByReceipt'];
  readonly submissionsByIds: StoryStore['submissionsByIds'];
  readonly listSubmissions: StoryStore['listSubmissions'];
  readonly approveSubmission: StoryStore['approveSubmission'];
  readonly rejectSubmission: StoryStore['rejectSubmission'];
  readonly listAudit: StoryStore['listAudit'];

  constructor(private readonly store: StoryStore) {
    this.create = store.create.bind(store);
    this.update = store.update.bind(store);
    this.delete = store.delete.bind(store);
    this.setStatus = store.setStatus.bind(store);
    this.storyDocuments = store.storyDocuments.bind(store);
    this.handOver = store.handOver.bind(store);
    this.createToken = store.createToken.bind(store);
    this.listTokens = store.listTokens.bind(store);
    this.revokeToken = store.revokeToken.bind(store);
    this.authenticate = store.authenticate.bind(store);
    this.submit = store.submit.bind(store);
    this.submissionByReceipt = store.submissionByReceipt.bind(store);
    this.submissionsByIds = store.submissionsByIds.bind(store);
    this.listSubmissions = store.listSubmissions.bind(store);
    this.approveSubmission = store.approveSubmission.bind(store);
    this.rejectSubmission = store.rejectSubmission.bind(store);
    this.listAudit = store.listAudit.bind(store);
  }

  importContent(source: ContentSource, options?: ImportOptions) {
    return this.store.importContent(source, options);
  }

  async listStories(query: StoryListQuery) {
    this.tags.add('stories');
    const page = await this.store.listStories(query);
    for (const row of page.rows) this.tags.add(globalId('Story', row.story.slug));
    return page;
  }

  storiesBySlugs(slugs: readonly string[], view: StoryView) {
    this.nodes('Story', slugs);
    return this.store.storiesBySlugs(slugs, view);
  }

  // Bodies belong to stories the request already read, and tagged, through a list or a slug.
  storyBodiesByIds(ids: readonly number[]) {
    return this.store.storyBodiesByIds(ids);
  }

  storyPagesByCompanyIds(ids: readonly number[], page: NestedPageQuery, view: StoryView) {
    return this.storyPages(this.store.storyPagesByCompanyIds(ids, page, view));
  }

  storyPagesByPracticeIds(ids: readonly number[], page: NestedPageQuery, view: StoryView) {
    return this.storyPages(this.store.storyPagesByPracticeIds(ids, page, view));
  }

  storiesByDays(days: readonly number[], view: StoryView) {
    return this.storyLists(this.store.storiesByDays(days, view));
  }

  storiesByRecapDays(days: readonly number[], view: StoryView) {
    return this.storyLists(this.store.storiesByRecapDays(days, view));
  }

  relatedStories(ids: readonly number[], limit: number, view: StoryView) {
    return this.storyLists(this.store.relatedStories(ids, limit, view));
  }

  listCompanies() {
    return this.list('companies', 'Company', this.store.listCompanies(), (c) => c.slug);
  }

  async companiesByIds(ids: readonly number[]) {
    const companies = await this.store.companiesByIds(ids);
    for (const company of companies) if (company) this.tags.add(globalId('Company', company.slug));
    return companies;
  }

  companiesBySlugs(slugs: readonly string[]) {
    this.nodes('Company', slugs);
    return this.store.companiesBySlugs(slugs);
  }

  listPractices() {
    return this.list('practices', 'Practice', this.store.listPractices(), (p) => p.slug);
  }

  practicesBySlugs(slugs: readonly string[]) {
    this.nodes('Practice', slugs);
    return this.store.practicesBySlugs(slugs);
  }

  async practicesByStoryIds(ids: readonly number[]) {
    const practices = await this.store.practicesByStoryIds(ids);
    for (const list of practices) for (const p of list) this.tags.add(globalId('Practice', p.slug));
    return practices;
  }

  // Metrics and sources are part of their story: a change to them names the story.
  metricsByStoryIds(ids: readonly number[]) {
    return this.store.metricsByStoryIds(ids);
  }

  sourcesByStoryIds(ids: readonly number[]) {
    return this.store.sourcesByStoryIds(ids);
  }

  listDays() {
    return this.list('days', 'Day', this.store.listDays(), (d) => d.number);
  }

  daysByNumbers(numbers: readonly number[]) {
    this.nodes('Day', numbers);
    return this.store.daysByNumbers(numbers);
  }

  listRecaps(view: StoryView) {
    return this.list('recaps', 'Recap', this.store.listRecaps(view), (r) => r.day);
  }

  recapsByDays(days: readonly number[], view: StoryView) {
    this.nodes('Recap', days);
    return this.store.recapsByDays(days, view);
  }

  search(query: SearchQuery) {
    this.tags.add('search');
    return this.store.search(query);
  }

  series() {
    this.tags.add('series');
    return this.store.series();
  }

  onChange(listener: (change: ContentChange) => void) {
    return this.store.onChange(listener);
  }

  close() {
    return this.store.close();
  }

  private nodes(type: NodeTypename, keys: readonly (string | number)[]): void {
    for (const key of keys) this.tags.add(globalId(type, key));
  }

  /** A top-level list: tagged with its list and each node in it. */
  private async list<T>(
    tag: ChangedList,
    type: NodeTypename,
    read: Promise<T[]>,
    keyOf: (item: T) => string | number,
  ): Promise<T[]> {
    this.tags.add(tag);
    const items = await read;
    this.nodes(type, items.map(keyOf));
    return items;
  }

  /** A nested list of stories: its membership is the `stories` list's, its nodes are stories. */
  /** A nested page's stories are tagged as a list's: its count changes with any story. */
  private async storyPages(read: Promise<StoryListPage[]>): Promise<StoryListPage[]> {
    this.tags.add('stories');
    const pages = await read;
    for (const page of pages) for (const row of page.rows) this.tags.add(globalId('Story', row.story.slug));
    return pages;
  }

  private async storyLists(read: Promise<StorySummaryRecord[][]>): Promise<StorySummaryRecord[][]> {
    this.tags.add('stories');
    const lists = await read;
    for (const list of lists) for (const story of list) this.tags.add(globalId('Story', story.slug));
    return lists;
  }
}
