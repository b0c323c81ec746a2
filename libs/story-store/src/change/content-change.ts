import type { ChangedList, ChangedNodeType, ContentChange } from '../store.types.js';

/**
 * Collects what one transaction (an import or a write) changes, deduplicated, to announce once it
 * has committed. The helpers name the lists the change contract requires for each kind of record:
 * a story names `stories` and `search`; a company `companies`, `stories` (story lists show its
 * name) and `search` (a story's indexed title holds it); a practice `practices` and `stories`; a
 * day `days` and `search`; a recap `recaps` and `search`. A write that knows a narrower effect
 * names records and lists itself with {@link ContentChangeSet.node} and {@link ContentChangeSet.list}.
 */
export class ContentChangeSet {
  private readonly nodes = new Map<string, { type: ChangedNodeType; key: string }>();
  private readonly lists = new Set<ChangedList>();

  story(slug: string): this {
    return this.node('Story', slug).list('stories', 'search');
  }

  company(slug: string): this {
    return this.node('Company', slug).list('companies', 'stories', 'search');
  }

  practice(slug: string): this {
    return this.node('Practice', slug).list('practices', 'stories');
  }

  day(number: number): this {
    return this.node('Day', number).list('days', 'search');
  }

  recap(day: number): this {
    return this.node('Recap', day).list('recaps', 'search');
  }

  /** Names one record (a slug, or a day number), without the lists. */
  node(type: ChangedNodeType, key: string | number): this {
    this.nodes.set(`${type}:${key}`, { type, key: String(key) });
    return this;
  }

  /** Names collections whose membership, order or totals changed. */
  list(...lists: ChangedList[]): this {
    for (const list of lists) this.lists.add(list);
    return this;
  }

  /** The change, or `null` when nothing changed (an empty change is never announced). */
  toChange(): ContentChange | null {
    if (!this.nodes.size && !this.lists.size) return null;
    return { nodes: [...this.nodes.values()], lists: [...this.lists] };
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
