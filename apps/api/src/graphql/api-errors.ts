import { GraphQLError } from 'graphql';

/** The `extensions.code` values clients can rely on. */
export type ApiErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

export const apiError = (code: ApiErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError =>
  new GraphQLError(message, { extensions: { ...extensions, code } });

export const unauthenticated = (message = 'This operation needs a bearer token'): GraphQLError =>
  apiError('UNAUTHENTICATED', message);
export const forbidden = (message: string): GraphQLError => apiError('FORBIDDEN', message);
export const badUserInput = (message: string, extensions?: Record<string, unknown>): GraphQLError =>
  apiError('BAD_USER_INPUT', message, extensions);
