import { unwrapResolverError } from '@apollo/server/errors';
import { ComplaintDomainError, type DomainErrorCategory } from '#aduan/complaints';
import { WrongExpectedRevisionError } from '#aduan/event-store';
import { databaseUnavailability, describeErrorForLog } from '#aduan/postgres';
import { InvalidCursorError } from '#aduan/projections';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApiErrorCode } from './api-errors.js';

const CATEGORY_CODES: Record<DomainErrorCategory, ApiErrorCode> = {
  invalid: 'BAD_USER_INPUT',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  conflict: 'CONFLICT',
};

const PASSED_THROUGH = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
]);

// Apollo's own request-level failures are the client's mistake, so they read as BAD_USER_INPUT.
const APOLLO_INPUT_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Where the formatter reports what the client is not told: one line each, never personal data. */
export interface ErrorLog {
  /** A bug or an unforeseen failure, answered as INTERNAL_SERVER_ERROR. */
  unexpected(line: string): void;
  /** The database could not serve the request, answered as SERVICE_UNAVAILABLE. */
  unavailable(line: string): void;
}

/**
 * The one place errors become client answers: every error leaves with one of the documented
 * `extensions.code` values and a human message; anything unexpected is logged (without personal
 * data) and answered as INTERNAL_SERVER_ERROR without details.
 */
export function createErrorFormatter(log: ErrorLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof ComplaintDomainError) {
      return {
        ...base,
        message: original.message,
        // Details (e.g. failedPreconditions) come first, so they can never overwrite the code or reason.
        extensions: { ...original.details, code: CATEGORY_CODES[original.category], reason: original.code },
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
      // Our own validation rules name a precise reason (QUERY_TOO_DEEP…); Apollo's say which step failed.
      const reason = formatted.extensions?.reason ?? code;
      return { ...base, extensions: { code: 'BAD_USER_INPUT', reason } };
    }
    const unavailable = databaseUnavailability(original ?? error);
    if (unavailable) {
      log.unavailable(`database ${unavailable}: ${describeErrorForLog(original ?? error).split('\n')[0]}`);
      return {
        message:
          unavailable === 'timeout'
            ? 'The database took too long to answer; try again shortly'
            : 'The database is unavailable; try again shortly',
        path: formatted.path,
        extensions: {
          code: 'SERVICE_UNAVAILABLE',
          reason: unavailable === 'timeout' ? 'DATABASE_TIMEOUT' : 'DATABASE_UNAVAILABLE',
        },
      };
    }
    log.unexpected(describeErrorForLog(original ?? error));
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
