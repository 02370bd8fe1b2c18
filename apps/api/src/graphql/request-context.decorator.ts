import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from './api-errors.js';
import type { GraphQLContext } from './graphql-context.js';

/**
 * Injects the request's GraphQL context, refusing the operation when the caller sent a token that
 * could not be verified (a bad token never silently degrades to anonymous access).
 */
export const RequestContext = createParamDecorator((_data: unknown, execution: ExecutionContext): GraphQLContext => {
  const context = GqlExecutionContext.create(execution).getContext<GraphQLContext>();
  if (context.authFailure) throw unauthenticated(context.authFailure);
  return context;
});
