import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';

export class EraseReporterIdentityCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly complaintId: string,
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
