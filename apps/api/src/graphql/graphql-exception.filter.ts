import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every resolver error to Apollo untouched, where `formatError` turns it into a client answer.
 * Without it Nest logs each expected refusal (FORBIDDEN, CONFLICT…) as if it were a crash.
 */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown): unknown {
    throw exception;
  }
}
