import { hasRole, type StoryRequest, type Viewer, viewerOf } from '@devops-stories/story-graph';
import type { StoryStore } from '@devops-stories/story-store';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-codes.js';

/** What a `/graphql` request says about who asks. */
export interface RequestCredentials {
  clientAddress: string;
  /** The `Authorization` header. */
  authorization?: string;
  /** The `X-Preview` header: `true` asks for drafts. */
  preview?: string;
}

/** The header that asks for an editor's preview (drafts included). */
export const PREVIEW_HEADER = 'x-preview';

/**
 * Who asks, for the story graph's context: the viewer of the `Authorization` header and, with
 * `X-Preview: true`, the preview. Preview needs a live editor or admin token; without one the
 * request is refused (401 `UNAUTHENTICATED`, 403 `FORBIDDEN`) before anything runs, rather than
 * quietly served without drafts.
 */
export async function storyRequest(store: StoryStore, credentials: RequestCredentials): Promise<StoryRequest> {
  const viewer: Viewer = await viewerOf(credentials.authorization, (token) => store.authenticate(token));
  const wanted = credentials.preview?.trim().toLowerCase();
  if (wanted === undefined || wanted === '' || wanted === 'false') {
    return { viewer, clientAddress: credentials.clientAddress };
  }
  if (wanted !== 'true') {
    throw new GraphQLError('`X-Preview` must be `true` (drafts included) or `false`.', {
      extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
    });
  }
  if (!viewer.token) {
    throw new GraphQLError(
      'Preview shows drafts, so it needs an editor or admin token: send `Authorization: Bearer <token>`.',
      { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } },
    );
  }
  if (!hasRole(viewer, ['editor'])) {
    throw new GraphQLError(
      `Preview needs an editor or admin token; "${viewer.token.name}" is ${viewer.token.role === 'moderator' ? 'a' : 'an'} ${viewer.token.role} token.`,
      {
        extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
      },
    );
  }
  return { viewer, preview: true, clientAddress: credentials.clientAddress };
}
