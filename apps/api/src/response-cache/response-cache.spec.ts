import { describe, expect, it } from 'vitest';
import { entrySize, ResponseCache } from './response-cache.js';

const entry = (text: string, tags: string[]) => ({
  body: Buffer.from(text),
  encoded: {},
  tags,
  tagHeader: tags.join(' '),
  etag: 'x',
  cost: 1,
});

describe('ResponseCache', () => {
  it('evicts the least recently used to stay within its budget', () => {
    const one = entry('a'.repeat(1000), ['stories']);
    const cache = new ResponseCache(entrySize('k1', one) * 2 + 10);
    cache.set('k1', one, cache.generation);
    cache.set('k2', entry('b'.repeat(1000), ['stories']), cache.generation);
    expect(cache.get('k1')).toBeDefined(); // k2 is now the least recently used
    cache.set('k3', entry('c'.repeat(1000), ['days']), cache.generation);
    expect(cache.get('k2')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 2, evictions: 1, hits: 1, misses: 1 });
    expect(cache.stats().bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.set('huge', entry('d'.repeat(10_000), []), cache.generation)).toBeUndefined();
  });

  it('purges the entries tagged with what changed, and refuses a response executed across a purge', () => {
    const cache = new ResponseCache(1_000_000);
    cache.set('list', entry('{}', ['stories', 'U3Rvcnk6YW1hem9u']), cache.generation);
    cache.set('facets', entry('{}', ['companies', 'practices']), cache.generation);
    const before = cache.generation;
    expect(cache.purge(['U3Rvcnk6YW1hem9u', 'stories', 'search'])).toBe(1);
    expect(cache.get('list')).toBeUndefined();
    expect(cache.get('facets')).toBeDefined();
    expect(cache.set('late', entry('{}', ['stories']), before)).toBeUndefined();
    expect(cache.stats()).toMatchObject({ purged: 1, entries: 1 });
  });

  it('counts each stored encoding against the budget', () => {
    const cache = new ResponseCache(1_000_000);
    const stored = cache.set('k', entry('x'.repeat(2000), ['days']), cache.generation)!;
    const bytes = cache.stats().bytes;
    expect(cache.addEncoding('k', stored, 'br', Buffer.alloc(300))).toBe(true);
    expect(cache.stats().bytes).toBe(bytes + 300);
    expect(cache.addEncoding('k', stored, 'br', Buffer.alloc(300))).toBe(false);
  });
});
