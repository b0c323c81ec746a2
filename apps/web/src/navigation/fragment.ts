import { ROUTE_KEYS, type RouteParams } from './route.js';

/**
 * An element's parameters in a URL fragment shared with the page and with other elements:
 * `#story=amazon&q=deploy` for an element without an `id`, `#lesson.story=amazon` for
 * `id="lesson"`. Parts that are not this element's (another element's, the page's own
 * anchor) are left as they are.
 */
function prefixOf(namespace: string): string {
  return namespace ? `${namespace}.` : '';
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function ownName(part: string, prefix: string): (typeof ROUTE_KEYS)[number] | undefined {
  const equals = part.indexOf('=');
  const key = decode(equals < 0 ? part : part.slice(0, equals));
  if (!key?.startsWith(prefix)) return undefined;
  const name = key.slice(prefix.length);
  return (ROUTE_KEYS as readonly string[]).includes(name) ? (name as (typeof ROUTE_KEYS)[number]) : undefined;
}

function parts(hash: string): string[] {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '');
}

/** This element's parameters in `hash`, or `undefined` when it has none there. */
export function readFragment(hash: string, namespace: string): RouteParams | undefined {
  const prefix = prefixOf(namespace);
  let params: RouteParams | undefined;
  for (const part of parts(hash)) {
    const name = ownName(part, prefix);
    if (!name) continue;
    const equals = part.indexOf('=');
    (params ??= {})[name] = equals < 0 ? '' : (decode(part.slice(equals + 1)) ?? '');
  }
  return params;
}

/** `hash` (with or without `#`) with this element's parameters replaced by `params`; no leading `#`. */
export function writeFragment(hash: string, namespace: string, params: RouteParams): string {
  const prefix = prefixOf(namespace);
  const kept = parts(hash).filter((part) => !ownName(part, prefix));
  const own = ROUTE_KEYS.filter((key) => params[key] !== undefined).map(
    (key) => `${encodeURIComponent(prefix + key)}=${encodeURIComponent(params[key] as string)}`,
  );
  return [...kept, ...own].join('&');
}
