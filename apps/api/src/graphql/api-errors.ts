import { GraphQLError } from 'graphql';

/** The `extensions.code` values clients can rely on. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export const apiError = (code: ApiErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError =>
  new GraphQLError(message, { extensions: { ...extensions, code } });

export const unauthenticated = (message = 'This operation needs a bearer token'): GraphQLError =>
  apiError('UNAUTHENTICATED', message);
export const forbidden = (message: string): GraphQLError => apiError('FORBIDDEN', message);
export const badUserInput = (message: string, extensions?: Record<string, unknown>): GraphQLError =>
  apiError('BAD_USER_INPUT', message, extensions);
/** The database is unreachable or too slow, or the request ran out of time: worth retrying later. */
export const serviceUnavailable = (message: string, reason: string): GraphQLError =>
  apiError('SERVICE_UNAVAILABLE', message, { reason });

/** The body of an answer refused before GraphQL ran (HTTP 413, 429…), shaped like a GraphQL error response. */
export const errorBody = (code: ApiErrorCode, message: string, extensions: Record<string, unknown> = {}) => ({
  errors: [{ message, extensions: { ...extensions, code } }],
});
