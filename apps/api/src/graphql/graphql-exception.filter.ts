import { Catch, HttpException, HttpStatus, Inject, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { AppConfig } from '#aduan/infrastructure';
import { describeErrorForLog } from '#aduan/postgres';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG } from '../config/app-config.token.js';
import { errorBody, type ApiErrorCode } from './api-errors.js';

const logger = new Logger('HTTP');

/**
 * Hands every resolver error to Apollo untouched, where `formatError` turns it into a client answer.
 * Without it Nest logs each expected refusal (FORBIDDEN, CONFLICT…) as if it were a crash.
 *
 * Over plain HTTP it answers what Fastify refuses before any handler runs (a body over the size
 * limit, malformed JSON, an unsupported content type) with Nest's usual fields plus a GraphQL-shaped
 * `errors` list that explains it, so GraphQL clients read every refusal the same way.
 */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const fields =
        typeof response === 'object' && response !== null
          ? response
          : { statusCode: status, message: String(response) };
      const { code, message, reason } = explain(exception, status, this.config.api.bodyLimitBytes);
      return reply.status(status).send({ ...fields, ...errorBody(code, message, reason ? { reason } : {}) });
    }
    logger.error(describeErrorForLog(exception));
    return reply.status(HttpStatus.INTERNAL_SERVER_ERROR).send({
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      message: 'Internal server error',
      ...errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'),
    });
  }
}

const FASTIFY_REASONS: Record<string, { reason: string; message: (bodyLimitBytes: number) => string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    reason: 'BODY_TOO_LARGE',
    message: (limit) => `The request body is larger than the ${limit} bytes this server accepts; send less`,
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    reason: 'UNSUPPORTED_MEDIA_TYPE',
    message: () => 'Send GraphQL requests as application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { reason: 'EMPTY_BODY', message: () => 'The JSON request body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { reason: 'INVALID_JSON', message: () => 'The request body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    reason: 'INVALID_CONTENT_LENGTH',
    message: () => 'The Content-Length header does not match the body',
  },
};

function explain(
  exception: HttpException,
  status: number,
  bodyLimitBytes: number,
): { code: ApiErrorCode; message: string; reason?: string } {
  const cause = exception.cause as { code?: unknown } | undefined;
  const known = typeof cause?.code === 'string' ? FASTIFY_REASONS[cause.code] : undefined;
  if (known) return { code: codeFor(status), message: known.message(bodyLimitBytes), reason: known.reason };
  return { code: codeFor(status), message: exception.message };
}

function codeFor(status: number): ApiErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL_SERVER_ERROR';
  return 'BAD_USER_INPUT';
}
