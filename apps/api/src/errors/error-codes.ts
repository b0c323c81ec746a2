import { AuthErrorCode } from '@devops-stories/story-graph';

/**
 * The `extensions.code` values the API answers with (API contract v2). Every code but
 * `INTERNAL_SERVER_ERROR` is a client's mistake or limit: its message says what to change.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: AuthErrorCode.UNAUTHENTICATED,
  FORBIDDEN: AuthErrorCode.FORBIDDEN,
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  RATE_LIMITED: 'RATE_LIMITED',
  PERSISTED_DOCUMENT_NOT_FOUND: 'PERSISTED_DOCUMENT_NOT_FOUND',
  PERSISTED_DOCUMENT_REQUIRED: 'PERSISTED_DOCUMENT_REQUIRED',
  OPERATION_TIMEOUT: 'OPERATION_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
