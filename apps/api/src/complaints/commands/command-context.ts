import { randomUUID } from 'node:crypto';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { CommandContext } from '../complaint.repository.js';

export const commandContext = (request: GraphQLContext, now: Date): CommandContext => ({
  caller: request.caller,
  correlationId: request.correlationId,
  commandId: randomUUID(),
  now,
});
