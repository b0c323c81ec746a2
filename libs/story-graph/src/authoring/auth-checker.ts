import type { TokenRole } from '@devops-stories/story-store';
import type { AuthChecker } from 'type-graphql';
import type { StoryContext } from '../context/story.context.js';
import { hasRole } from '../context/viewer.js';
import { forbidden, unauthenticated } from '../errors/auth-errors.js';

/**
 * type-graphql's auth checker for `@Authorized('editor')` and the like: a field needs a live token
 * whose role is one of those named, or `admin`. No usable token is UNAUTHENTICATED, a weaker role
 * FORBIDDEN; either way the resolver does not run, so nothing changes.
 */
export const authChecker: AuthChecker<StoryContext, TokenRole> = ({ context, info }, roles) => {
  const { viewer } = context;
  if (!viewer.token) throw unauthenticated(viewer.problem);
  if (hasRole(viewer, roles)) return true;
  const allowed = [...new Set([...roles, 'admin'])].join(' or ');
  const article = viewer.token.role === 'moderator' ? 'a' : 'an';
  throw forbidden(
    `\`${info.fieldName}\` needs a token with the role ${allowed}; "${viewer.token.name}" is ${article} ${viewer.token.role} token.`,
  );
};
