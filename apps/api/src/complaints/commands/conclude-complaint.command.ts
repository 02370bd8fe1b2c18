import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { ConcludeComplaintInput } from '../inputs/conclude-complaint.input.js';

export class ConcludeComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: ConcludeComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
