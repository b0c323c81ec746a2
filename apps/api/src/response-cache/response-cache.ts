/** One stored response: its bytes once per encoding, what it is tagged with, and its validators. */
export interface CacheEntry {
  /** The serialised GraphQL response, uncompressed. */
  body: Buffer;
  /** The body compressed, by encoding, filled in the first time a client accepts each. */
  encoded: Partial<Record<'br' | 'gzip', Buffer>>;
  /** Global ids of the nodes the response holds and the lists it read (`stories`, `search`, ...). */
  tags: readonly string[];
  /** `Cache-Tag`/`Surrogate-Key` value: the tags, space-separated. */
  tagHeader: string;
  /** Strong validator of the uncompressed body, without quotes; encodings append their name. */
  etag: string;
  /** The operation's cost, for the budget and logs. */
  cost: number;
  /** Bytes charged to the budget for this entry (see {@link entrySize}). */
  size: number;
}

/** Counters and gauges of a {@link ResponseCache}, for logs and metrics. */
export interface ResponseCacheStats {
  /** Lookups answered from the cache. */
  hits: number;
  /** Lookups that found nothing (the response was then executed). */
  misses: number;
  /** Entries dropped to stay within the byte budget. */
  evictions: number;
  /** Entries dropped because a content change touched one of their tags. */
  purged: number;
  /** Bytes the entries hold now (see {@link entrySize}); never above `maxBytes`. */
  bytes: number;
  maxBytes: number;
  entries: number;
}

/** What an entry costs beyond its bytes: the map slots, the entry object and the tag index. */
const ENTRY_OVERHEAD = 256;

/**
 * The bytes an entry is charged: its key and tags (UTF-16 in memory), every stored encoding of
 * the body, and a fixed overhead for the objects around them.
 */
export function entrySize(key: string, entry: Pick<CacheEntry, 'body' | 'encoded' | 'tags' | 'tagHeader'>): number {
  let size = ENTRY_OVERHEAD + key.length * 2 + entry.body.byteLength + entry.tagHeader.length * 2;
  for (const tag of entry.tags) size += tag.length * 2 + 16;
  for (const encoded of Object.values(entry.encoded)) size += encoded?.byteLength ?? 0;
  return size;
}

/**
 * An in-process LRU of serialised responses within a byte budget, each entry tagged so that a
 * content change purges exactly the entries it touches (a changed story's global id, or a list
 * such as `stories`). Lookups and stores are O(1); a purge visits only the tagged entries.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly byTag = new Map<string, Set<string>>();
  private counters = { hits: 0, misses: 0, evictions: 0, purged: 0 };
  private bytes = 0;
  private purges = 0;

  /** @param maxBytes the byte budget; 0 stores nothing. */
  constructor(readonly maxBytes: number) {}

  /** Whether the cache stores anything at all. */
  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /**
   * A counter that moves on every purge: a response executed while it moved may hold content
   * from before the change, so it is not stored ({@link set} takes the value read before execution).
   */
  get generation(): number {
    return this.purges;
  }

  /** The entry for `key`, now the most recently used; counts a hit or a miss. */
  get(key: string): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.counters.misses++;
      return undefined;
    }
    this.counters.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Stores `entry` under `key`, evicting the least recently used entries to stay within the
   * budget. Nothing is stored when the entry alone exceeds the budget, or when a purge happened
   * since `generation` was read (the response may predate the change).
   */
  set(key: string, entry: Omit<CacheEntry, 'size'>, generation: number): CacheEntry | undefined {
    if (generation !== this.purges) return undefined;
    const stored: CacheEntry = { ...entry, size: entrySize(key, entry) };
    if (stored.size > this.maxBytes) return undefined;
    this.delete(key);
    this.entries.set(key, stored);
    this.bytes += stored.size;
    for (const tag of stored.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.evictOver(this.maxBytes);
    return stored;
  }

  /** Adds a compressed form to a stored entry, if the budget allows; returns whether it was kept. */
  addEncoding(key: string, entry: CacheEntry, encoding: 'br' | 'gzip', bytes: Buffer): boolean {
    if (this.entries.get(key) !== entry || entry.encoded[encoding]) return false;
    if (entry.size + bytes.byteLength > this.maxBytes) return false;
    entry.encoded[encoding] = bytes;
    entry.size += bytes.byteLength;
    this.bytes += bytes.byteLength;
    // The entry is the most recently used, so older ones make room.
    this.evictOver(this.maxBytes);
    return this.entries.get(key) === entry;
  }

  /** Drops every entry tagged with any of `tags`; returns how many. */
  purge(tags: Iterable<string>): number {
    this.purges++;
    let dropped = 0;
    for (const tag of tags) {
      for (const key of [...(this.byTag.get(tag) ?? [])]) {
        if (this.delete(key)) dropped++;
      }
    }
    this.counters.purged += dropped;
    return dropped;
  }

  /** Drops everything. */
  clear(): void {
    this.purges++;
    this.entries.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  stats(): ResponseCacheStats {
    return { ...this.counters, bytes: this.bytes, maxBytes: this.maxBytes, entries: this.entries.size };
  }

  private evictOver(budget: number): void {
    for (const key of this.entries.keys()) {
      if (this.bytes <= budget) return;
      this.delete(key);
      this.counters.evictions++;
    }
  }

  private delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= entry.size;
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}
