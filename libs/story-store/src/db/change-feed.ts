import type { ChangedList, ChangedNodeType, ContentChange } from '../store.types.js';

/**
 * The listeners of a store's `onChange`, and the one way a change reaches them: after its
 * transaction committed, never empty. A listener that throws is logged and the others still run:
 * a broken cache must not fail a committed write.
 */
export class ChangeFeed {
  private readonly listeners = new Set<(change: ContentChange) => void>();

  listen(listener: (change: ContentChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener about `change`, unless it names nothing. Call only after the commit. */
  announce(change: ContentChange): void {
    if (!change.nodes.length && !change.lists.length) return;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('a change listener failed', error);
      }
    }
  }
}

/** Collects what a transaction changes, deduplicated, to announce once it has committed. */
export class ChangeSet {
  private readonly nodes = new Map<string, { type: ChangedNodeType; key: string }>();
  private readonly lists = new Set<ChangedList>();

  node(type: ChangedNodeType, key: string | number): this {
    this.nodes.set(`${type}:${key}`, { type, key: String(key) });
    return this;
  }

  list(...lists: ChangedList[]): this {
    for (const list of lists) this.lists.add(list);
    return this;
  }

  /** A story's row, relations, status or existence changed: its node, story lists and search. */
  story(slug: string): this {
    return this.node('Story', slug).list('stories', 'search');
  }

  toChange(): ContentChange {
    return { nodes: [...this.nodes.values()], lists: [...this.lists] };
  }
}
