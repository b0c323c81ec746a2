import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type ConnectionShape, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@devops-stories/story-model';
import { assertCount, badInput } from '../errors/bad-input.js';

/** Paging arguments as the client sent them. */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Where a cursor points: the sort value and slug of one row, within one named order. */
export interface CursorPosition {
  order: string;
  value: string | number;
  slug: string;
}

/**
 * The list a cursor belongs to: its order, and what selects its rows (the filter, and the parent
 * for a nested list such as one practice's stories). A cursor is only accepted on the same list.
 */
export interface CursorList {
  order: string;
  filter?: object | null;
  /** The parent's global id (or another stable key) for a nested list. */
  parent?: string;
  /** The normalised search terms, for a list of search hits. */
  query?: string;
}

/** A validated page request with decoded cursors. */
export interface PagePlan {
  direction: 'forward' | 'backward';
  size: number;
  /** The row to start after (forward) or before (backward), if any. */
  start: CursorPosition | null;
  /** Short hash of the list's filter and parent, written into the page's cursors. */
  scope: string;
}

/** Longest cursor accepted; issued ones are well under 200 characters. */
const MAX_CURSOR_LENGTH = 512;
const SIGNATURE_LENGTH = 22;

/**
 * Signs and checks cursors, so that a cursor this API did not issue (edited, forged,
 * malformed, or from another list) is refused with a message instead of paging somewhere odd.
 *
 * A cursor is `base64url(JSON [order, scope, value, slug]).signature`, where `scope` hashes the
 * list's filter, parent and search query, and the signature is an HMAC of the payload.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(position: CursorPosition, scope: string): string {
    const payload = Buffer.from(JSON.stringify([position.order, scope, position.value, position.slug])).toString(
      'base64url',
    );
    return `${payload}.${this.sign(payload)}`;
  }

  /** The scope of a list: a short hash of its canonical filter (keys sorted, nulls dropped), parent and query. */
  scopeOf(list: CursorList): string {
    const scope: unknown[] = [canonicalFilter(list.filter), list.parent ?? null];
    // Only search lists add their query, so the cursors of every other list keep their scope.
    if (list.query !== undefined) scope.push(list.query);
    const canonical = JSON.stringify(scope);
    return createHash('sha256').update(canonical).digest('base64url').slice(0, 11);
  }

  /**
   * @throws BAD_USER_INPUT naming `argument` when the cursor is not one of ours, or was issued
   * for another order, filter or parent list.
   */
  decode(cursor: string, list: CursorList, argument: string): CursorPosition {
    const refuse = (why: string) => badInput(`\`${argument}\` ${why}`, argument);
    const notOurs = () =>
      refuse("is not a cursor this API issued; pass a cursor from an earlier page's edges or pageInfo.");
    if (cursor.length > MAX_CURSOR_LENGTH) throw notOurs();
    const parts = cursor.split('.');
    if (parts.length !== 2) throw notOurs();
    const [payload, signature] = parts;
    if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature)) throw notOurs();
    const given = Buffer.from(signature, 'utf8');
    const expected = Buffer.from(this.sign(payload), 'utf8');
    // timingSafeEqual throws on buffers of different byte lengths.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notOurs();
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw notOurs();
    }
    if (
      !Array.isArray(decoded) ||
      decoded.length !== 4 ||
      typeof decoded[0] !== 'string' ||
      typeof decoded[1] !== 'string' ||
      !(typeof decoded[2] === 'string' || (typeof decoded[2] === 'number' && Number.isFinite(decoded[2]))) ||
      typeof decoded[3] !== 'string'
    ) {
      throw notOurs();
    }
    const [order, scope, value, slug] = decoded as [string, string, string | number, string];
    if (order !== list.order) throw refuse('was issued for another sort order; start again without a cursor.');
    if (scope !== this.scopeOf(list)) {
      throw refuse('was issued for another list (a different query, filter or parent); start again without a cursor.');
    }
    return { order, value, slug };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, SIGNATURE_LENGTH);
  }
}

function canonicalFilter(filter: object | null | undefined): [string, unknown][] {
  return Object.entries(filter ?? {})
    .filter(([, value]) => value != null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Validates paging arguments per the API contract and decodes their cursors.
 *
 * @throws BAD_USER_INPUT for a size outside 1..MAX_PAGE_SIZE, `first` with `last`, mixed directions, or a cursor
 * that is malformed or was issued for another list.
 */
export function planPage(request: PageRequest, codec: CursorCodec, list: CursorList): PagePlan {
  const { first, after, last, before } = request;
  if (first != null) assertCount(first, 'first', MAX_PAGE_SIZE);
  if (last != null) assertCount(last, 'last', MAX_PAGE_SIZE);
  if (first != null && last != null) throw badInput('Pass either `first` or `last`, not both.', 'last');
  if (after != null && before != null) throw badInput('Pass either `after` or `before`, not both.', 'before');
  if (first != null && before != null) throw badInput('Use `before` with `last`, not with `first`.', 'before');
  if (last != null && after != null) throw badInput('Use `after` with `first`, not with `last`.', 'after');
  const scope = codec.scopeOf(list);
  if (last != null || before != null) {
    return {
      direction: 'backward',
      size: last ?? DEFAULT_PAGE_SIZE,
      start: before != null ? codec.decode(before, list, 'before') : null,
      scope,
    };
  }
  return {
    direction: 'forward',
    size: first ?? DEFAULT_PAGE_SIZE,
    start: after != null ? codec.decode(after, list, 'after') : null,
    scope,
  };
}

/**
 * Builds a connection from one page of rows in list order. Cursors are signed when a client
 * selects them (`edges.cursor`, `pageInfo.startCursor`/`endCursor`), not for every row: a
 * list that shows `nodes` and `endCursor` signs one.
 *
 * @param hasMore whether rows lie beyond the page in the plan's direction.
 */
export function toConnection<T>(
  nodes: { node: T; position: CursorPosition }[],
  plan: PagePlan,
  hasMore: boolean,
  totalCount: number,
  codec: CursorCodec,
): ConnectionShape<T> {
  const edges = nodes.map((n) => new Edge(n.node, n.position, plan.scope, codec));
  const forward = plan.direction === 'forward';
  return {
    edges,
    nodes: nodes.map((n) => n.node),
    totalCount,
    pageInfo: new PageInfoOf(edges, forward ? hasMore : plan.start !== null, forward ? plan.start !== null : hasMore),
  };
}

/** An edge whose cursor is signed on first read. */
class Edge<T> {
  private signed: string | undefined;
  constructor(
    readonly node: T,
    private readonly position: CursorPosition,
    private readonly scope: string,
    private readonly codec: CursorCodec,
  ) {}

  get cursor(): string {
    return (this.signed ??= this.codec.encode(this.position, this.scope));
  }
}

/** `pageInfo`, reading its cursors from the first and last edge when selected. */
class PageInfoOf<T> {
  constructor(
    private readonly edges: readonly Edge<T>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/** The direction of a list's order: by sort value, then slug, both ascending or both descending. */
export type ListDirection = 'asc' | 'desc';

/**
 * Pages an already ordered, complete list in memory: nested lists (a company's
 * stories) are loaded whole per parent in one batched statement, then paged here.
 *
 * A cursor is a keyset position: the page continues after (or before) its sort value
 * and slug whether or not that item is still in the list, so a reader paging while
 * content changes sees no item twice and skips none that remain.
 */
export function pageList<T>(
  items: readonly T[],
  plan: PagePlan,
  positionOf: (item: T) => CursorPosition,
  codec: CursorCodec,
  direction: ListDirection,
): ConnectionShape<T> {
  const positions = items.map(positionOf);
  let from = 0;
  let to = items.length;
  if (plan.start) {
    const start = plan.start;
    const sign = direction === 'asc' ? 1 : -1;
    const beyond = positions.findIndex((p) => sign * comparePositions(p, start) > 0);
    const notBefore = positions.findIndex((p) => sign * comparePositions(p, start) >= 0);
    if (plan.direction === 'forward') from = beyond === -1 ? items.length : beyond;
    else to = notBefore === -1 ? items.length : notBefore;
  }
  const window =
    plan.direction === 'forward'
      ? { start: from, end: Math.min(from + plan.size, to) }
      : { start: Math.max(to - plan.size, from), end: to };
  const hasMore = plan.direction === 'forward' ? window.end < to : window.start > from;
  const page = items
    .slice(window.start, window.end)
    .map((node, i) => ({ node, position: positions[window.start + i] }));
  return toConnection(page, plan, hasMore, items.length, codec);
}

/** Ascending order of positions: sort value, then slug. */
function comparePositions(a: CursorPosition, b: CursorPosition): number {
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
