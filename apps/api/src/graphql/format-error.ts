import { unwrapResolverError } from '@apollo/server/errors';
import { ComplaintDomainError, type DomainErrorCategory } from '#aduan/complaints';
import { WrongExpectedRevisionError } from '#aduan/event-store';
import { InvalidCursorError } from '#aduan/projections';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApiErrorCode } from './api-errors.js';

const CATEGORY_CODES: Record<DomainErrorCategory, ApiErrorCode> = {
  invalid: 'BAD_USER_INPUT',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  conflict: 'CONFLICT',
};

const PASSED_THROUGH = new Set<string>(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

// Apollo's own request-level failures are the client's mistake, so they read as BAD_USER_INPUT.
const APOLLO_INPUT_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The one place errors become client answers: every error leaves with one of the documented
 * `extensions.code` values and a human message; anything unexpected is logged and answered as
 * INTERNAL_SERVER_ERROR without details.
 */
export function createErrorFormatter(logUnexpected: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof ComplaintDomainError) {
      return {
        ...base,
        message: original.message,
        extensions: { code: CATEGORY_CODES[original.category], reason: original.code },
      };
    }
    if (original instanceof WrongExpectedRevisionError) {
      return {
        ...base,
        message: 'The complaint changed since it was read; reload it and try again',
        extensions: { code: 'CONFLICT', reason: 'VERSION_CONFLICT', actualVersion: original.actual },
      };
    }
    if (original instanceof InvalidCursorError) {
      return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' } };
    }
    const code = String(formatted.extensions?.code ?? '');
    const isGraphQLError = original instanceof GraphQLError || original === undefined || original === error;
    if (PASSED_THROUGH.has(code) && isGraphQLError) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions };
    }
    if (APOLLO_INPUT_CODES.has(code)) {
      return { ...base, extensions: { code: 'BAD_USER_INPUT', reason: code } };
    }
    logUnexpected(original ?? error);
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
