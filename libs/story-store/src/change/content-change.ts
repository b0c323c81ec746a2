import type { ChangedList, ChangedNodeType, ContentChange } from '../store.types.js';

/**
 * Collects what one transaction changes, naming the lists the change contract requires for each
 * kind of record: a story names `stories` and `search`; a company `companies`, `stories` (story
 * lists show its name) and `search` (a story's indexed title holds it); a practice `practices`
 * and `stories`; a day `days` and `search`; a recap `recaps` and `search`.
 */
export class ContentChangeSet {
  private readonly nodes = new Map<string, { type: ChangedNodeType; key: string }>();
  private readonly lists = new Set<ChangedList>();

  story(slug: string): void {
    this.add('Story', slug, ['stories', 'search']);
  }

  company(slug: string): void {
    this.add('Company', slug, ['companies', 'stories', 'search']);
  }

  practice(slug: string): void {
    this.add('Practice', slug, ['practices', 'stories']);
  }

  day(number: number): void {
    this.add('Day', String(number), ['days', 'search']);
  }

  recap(day: number): void {
    this.add('Recap', String(day), ['recaps', 'search']);
  }

  /** The change, or `null` when nothing changed (an empty change is never announced). */
  toChange(): ContentChange | null {
    if (!this.nodes.size && !this.lists.size) return null;
    return { nodes: [...this.nodes.values()], lists: [...this.lists] };
  }

  private add(type: ChangedNodeType, key: string, lists: readonly ChangedList[]): void {
    this.nodes.set(`${type}:${key}`, { type, key });
    for (const list of lists) this.lists.add(list);
  }
}

/** The listeners of a store's {@link StoryStore.onChange}, called in order after a commit. */
export class ChangeListeners {
  private readonly listeners = new Set<(change: ContentChange) => void>();

  add(listener: (change: ContentChange) => void): () => void {
    const entry = (change: ContentChange) => listener(change);
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  /**
   * Announces a committed change to every listener. A listener that throws does not stop the
   * others, nor fail the write that was already committed: its error goes to stderr.
   */
  announce(change: ContentChange | null): void {
    if (!change) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error('story-store: a change listener failed', error);
      }
    }
  }
}
