import type { StoryStore } from '@devops-stories/story-store';
import type { Histogram } from 'prom-client';

/**
 * The store with every method of its contract timed into `histogram` (`method`, `outcome` = `ok` or
 * `error`): the database query duration, measured at the boundary without touching the store. The
 * result is the same store for every caller (its own `this`), only observed.
 */
export function timedStore(store: StoryStore, histogram: Histogram<'method' | 'outcome'>): StoryStore {
  const timed = Object.create(store) as Record<string, unknown>;
  for (const name of methodNames(store)) {
    const method = (store as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    timed[name] = async (...args: unknown[]) => {
      const end = histogram.startTimer({ method: name });
      try {
        const result = await method.apply(store, args);
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      }
    };
  }
  return timed as unknown as StoryStore;
}

/** Methods that run no query: `onChange` subscribes and returns its unsubscribe function at once. */
const UNTIMED = new Set(['constructor', 'close', 'onChange']);

/** The store's methods, own or from its class chain, except the {@link UNTIMED} ones. */
function methodNames(store: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = store; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      const descriptor = Object.getOwnPropertyDescriptor(o, name);
      if (!UNTIMED.has(name) && typeof descriptor?.value === 'function') names.add(name);
    }
  }
  return [...names];
}
