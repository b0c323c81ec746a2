import type { StoryStore, TokenRole } from '@devops-stories/story-store';
import type { ApiServer } from '../server.js';

/** One answer of `/graphql`, as the authoring tests read it. */
export interface GqlAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: { data?: any; errors?: any; extensions?: any };
}

/** Who sends a request: a token (or raw `Authorization` value), preview, and the client's address. */
export interface Asker {
  token?: string;
  authorization?: string;
  preview?: boolean;
  ip?: string;
}

/** POSTs one operation to the server's `/graphql` through Fastify, as `asker`. */
export async function gql(
  server: ApiServer,
  query: string,
  variables: Record<string, unknown> = {},
  asker: Asker = {},
): Promise<GqlAnswer> {
  const authorization = asker.authorization ?? (asker.token ? `Bearer ${asker.token}` : undefined);
  const response = await server.app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: asker.ip ?? '127.0.0.1',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
      ...(asker.preview ? { 'x-preview': 'true' } : {}),
    },
    payload: JSON.stringify({ query, variables }),
  });
  return { status: response.statusCode, headers: response.headers, body: response.json() };
}

/** A live token of each role, and a revoked one. */
export interface RoleTokens {
  editor: string;
  moderator: string;
  admin: string;
  revoked: string;
}

export async function roleTokens(store: StoryStore): Promise<RoleTokens> {
  const make = async (name: string, role: TokenRole) => {
    const result = await store.createToken(name, role, 'test');
    if (!result.ok) throw new Error(result.problem.message);
    return result.record.token;
  };
  const revoked = await make('gone', 'admin');
  await store.revokeToken('gone', 'test');
  return {
    editor: await make('ed', 'editor'),
    moderator: await make('mo', 'moderator'),
    admin: await make('ad', 'admin'),
    revoked,
  };
}

/**
 * Everything the store holds that a write could change, drafts and all, as one string: equal
 * before and after a refused call means it changed nothing. (A token's `lastUsedAt` is left out:
 * it records use, not content.)
 */
export async function fingerprint(store: StoryStore): Promise<string> {
  const [stories, companies, practices, days, recaps, tokens, submissions, audit] = await Promise.all([
    store.listStories({
      filter: {},
      sort: { field: 'publishedAt', direction: 'desc' },
      from: { direction: 'forward', after: null },
      limit: 100,
      view: 'all',
    }),
    store.listCompanies(),
    store.listPractices(),
    store.listDays(),
    store.listRecaps('all'),
    store.listTokens(),
    store.listSubmissions(null, { afterId: null, limit: 100 }),
    store.listAudit({ afterId: null, limit: 100 }),
  ]);
  const ids = stories.rows.map((r) => r.story.rowId);
  const [metrics, sources, storyPractices] = await Promise.all([
    store.metricsByStoryIds(ids),
    store.sourcesByStoryIds(ids),
    store.practicesByStoryIds(ids),
  ]);
  return JSON.stringify({
    stories,
    metrics,
    sources,
    storyPractices,
    companies,
    practices,
    days,
    recaps,
    tokens: tokens.map((t) => ({ ...t, lastUsedAt: null })),
    submissions,
    audit,
  });
}
