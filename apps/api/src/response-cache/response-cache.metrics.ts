import { Counter, Gauge, type Registry } from 'prom-client';
import type { ResponseCache, ResponseCacheStats } from './response-cache.js';

type CounterName = 'hits' | 'misses' | 'evictions' | 'purged';

const COUNTERS: readonly { stat: CounterName; name: string; help: string }[] = [
  { stat: 'hits', name: 'response_cache_hits_total', help: 'Response cache lookups answered from stored bytes.' },
  {
    stat: 'misses',
    name: 'response_cache_misses_total',
    help: 'Response cache lookups that found nothing (the query was then executed).',
  },
  {
    stat: 'evictions',
    name: 'response_cache_evictions_total',
    help: 'Response cache entries dropped to stay within RESPONSE_CACHE_MB.',
  },
  {
    stat: 'purged',
    name: 'response_cache_purged_total',
    help: 'Response cache entries dropped because a content change touched one of their tags.',
  },
];

/**
 * Registers the response cache's figures in `registry`, read from {@link ResponseCache.stats} at
 * each scrape (the cache counts for itself; nothing is added to its hot path):
 * `response_cache_hits_total`, `response_cache_misses_total`, `response_cache_evictions_total`,
 * `response_cache_purged_total`, and the gauges `response_cache_bytes`, `response_cache_max_bytes`
 * and `response_cache_entries`.
 */
export function responseCacheMetrics(cache: ResponseCache, registry: Registry): void {
  const registers = [registry];
  const counted: Record<CounterName, number> = { hits: 0, misses: 0, evictions: 0, purged: 0 };
  for (const { stat, name, help } of COUNTERS) {
    new Counter({
      name,
      help,
      registers,
      collect() {
        // Counters only rise: add what the cache counted since the last scrape.
        const now = cache.stats()[stat];
        if (now > counted[stat]) this.inc(now - counted[stat]);
        counted[stat] = now;
      },
    });
  }
  const gauge = (name: string, help: string, read: (stats: ResponseCacheStats) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read(cache.stats()));
      },
    });
  gauge(
    'response_cache_bytes',
    'Bytes the response cache holds now (bodies, encodings, keys and tags).',
    (s) => s.bytes,
  );
  gauge(
    'response_cache_max_bytes',
    'The response cache byte budget (RESPONSE_CACHE_MB); 0 when off.',
    (s) => s.maxBytes,
  );
  gauge('response_cache_entries', 'Responses the response cache holds now.', (s) => s.entries);
}
